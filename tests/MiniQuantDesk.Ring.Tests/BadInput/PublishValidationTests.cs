using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests.BadInput;

/// <summary>Only a claimed sequence can be published, and only once: anything else would show consumers a slot
/// nobody wrote, or the same event twice. It is refused at the call.</summary>
public sealed class PublishValidationTests
{
    private const int RingSize = 8;

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Publishing_before_any_claim_is_refused(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());

        Assert.Throws<InvalidOperationException>(() => ring.Publish(0));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Publishing_a_sequence_beyond_the_claims_is_refused(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());
        long claimed = ring.Next(2);

        var refused = Assert.Throws<InvalidOperationException>(() => ring.Publish(claimed + 1));

        Assert.Contains((claimed + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Publishing_a_negative_sequence_is_refused(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());
        ring.Next();

        Assert.Throws<InvalidOperationException>(() => ring.Publish(-1));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Publishing_a_sequence_twice_is_refused(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());
        long sequence = ring.Next();
        ring.Publish(sequence);

        Assert.Throws<InvalidOperationException>(() => ring.Publish(sequence));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Publishing_a_range_that_overlaps_a_published_one_is_refused(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());
        long high = ring.Next(4);
        ring.Publish(0, 1);

        Assert.Throws<InvalidOperationException>(() => ring.Publish(1, high));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Publishing_an_empty_range_is_refused(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());
        ring.Next(4);

        Assert.Throws<InvalidOperationException>(() => ring.Publish(3, 2));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Publishing_a_sequence_again_a_lap_later_is_refused(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(2, producerType, new YieldingWaitStrategy());
        long first = ring.Next();
        ring.Publish(first);
        ring.Publish(ring.Next());
        ring.Publish(ring.Next());

        Assert.Throws<InvalidOperationException>(() => ring.Publish(first));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_refused_publish_changes_nothing_the_consumer_sees(ProducerType producerType)
    {
        var pipeline = new RingPipeline<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        ValueRingBuffer<TestEvent> ring = pipeline.RingBuffer;
        try
        {
            pipeline.Start();
            long first = ring.Next();
            ring[first].Write(0, 0);
            ring.Publish(first);

            Assert.Throws<InvalidOperationException>(() => ring.Publish(first));
            Assert.Throws<InvalidOperationException>(() => ring.Publish(first + 1));
            Publisher.Publish(ring, producerId: 0, count: 20, firstCounter: 1);
            pipeline.DrainAndStop(Timeouts.Generous);

            Assert.Equal(Enumerable.Range(0, 21).Select(i => (long)i), consumer.Sequences);
            Assert.Equal(0, consumer.PayloadViolations.Count);
        }
        finally
        {
            pipeline.Halt("test cleanup");
        }
    }

    [Fact]
    public void A_single_producer_publishing_out_of_claim_order_is_refused_and_shows_nothing()
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, ProducerType.Single, new YieldingWaitStrategy());
        long first = ring.Next();
        long second = ring.Next();

        Assert.Throws<InvalidOperationException>(() => ring.Publish(second));

        Assert.Equal(Sequence.InitialValue, ring.Cursor);
        Assert.False(ring.Sequencer.IsAvailable(first));
    }

    [Fact]
    public void A_multi_producer_range_that_is_partly_published_is_refused_whole()
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, ProducerType.Multi, new YieldingWaitStrategy());
        long high = ring.Next(4);
        ring.Publish(high);

        Assert.Throws<InvalidOperationException>(() => ring.Publish(high - 3, high));

        Assert.False(ring.Sequencer.IsAvailable(high - 3));
        Assert.False(ring.Sequencer.IsAvailable(high - 1));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_producer_that_publishes_after_the_ring_halted_is_told_its_event_may_never_be_handled(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());
        long sequence = ring.Next();
        ring.Halt("operator halt");

        var refused = Assert.Throws<RingHaltedException>(() => ring.Publish(sequence));

        Assert.Equal("operator halt", refused.Reason);
    }
}
