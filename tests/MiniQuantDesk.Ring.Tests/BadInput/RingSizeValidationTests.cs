using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests.BadInput;

/// <summary>A ring's size must be a positive power of two (a sequence maps to its slot with a mask); anything else
/// is refused where the ring is created.</summary>
public sealed class RingSizeValidationTests
{
    public static TheoryData<int> InvalidSizes => [0, -1, -8, 3, 6, 12, 1000, 1025, int.MaxValue, int.MinValue];

    [Theory]
    [MemberData(nameof(InvalidSizes))]
    public void A_ring_whose_size_is_not_a_positive_power_of_two_is_refused(int size)
    {
        foreach (ProducerType producerType in new[] { ProducerType.Single, ProducerType.Multi })
        {
            var refused = Assert.Throws<ArgumentOutOfRangeException>(
                () => new ValueRingBuffer<TestEvent>(size, producerType, new YieldingWaitStrategy()));

            Assert.Equal("bufferSize", refused.ParamName);
            Assert.Equal(size, refused.ActualValue);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidSizes))]
    public void A_pipeline_whose_ring_size_is_not_a_positive_power_of_two_is_refused(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new RingPipeline<TestEvent>(size, ProducerType.Single, new YieldingWaitStrategy()));
    }

    [Theory]
    [MemberData(nameof(InvalidSizes))]
    public void A_sequencer_whose_size_is_not_a_positive_power_of_two_is_refused(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SingleProducerSequencer(size, new YieldingWaitStrategy()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiProducerSequencer(size, new YieldingWaitStrategy()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1024)]
    [InlineData(65536)]
    public void A_ring_whose_size_is_a_power_of_two_is_accepted(int size)
    {
        var ring = ValueRingBuffer<TestEvent>.CreateMultiProducer(size, new YieldingWaitStrategy());

        Assert.Equal(size, ring.BufferSize);
        Assert.Equal(size, ring.RemainingCapacity());
    }

    [Fact]
    public void A_producer_type_that_does_not_exist_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ValueRingBuffer<TestEvent>(8, (ProducerType)7, new YieldingWaitStrategy()));
    }

    [Fact]
    public void A_ring_without_a_wait_strategy_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new ValueRingBuffer<TestEvent>(8, ProducerType.Single, null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_blocking_wait_timeout_that_is_not_positive_is_refused(int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockingWaitStrategy(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
