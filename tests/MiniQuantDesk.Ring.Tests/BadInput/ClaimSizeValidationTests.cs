using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests.BadInput;

/// <summary>A claim is for 1 to ring-size slots: a claim of more could never be satisfied (it would wait forever),
/// and a claim of none or fewer is meaningless. Both are refused at the call, and leave the ring as it was.</summary>
public sealed class ClaimSizeValidationTests
{
    private const int RingSize = 8;

    public static TheoryData<ProducerType, int> InvalidClaims => new()
    {
        { ProducerType.Single, 0 },
        { ProducerType.Single, -1 },
        { ProducerType.Single, int.MinValue },
        { ProducerType.Single, RingSize + 1 },
        { ProducerType.Single, int.MaxValue },
        { ProducerType.Multi, 0 },
        { ProducerType.Multi, -1 },
        { ProducerType.Multi, int.MinValue },
        { ProducerType.Multi, RingSize + 1 },
        { ProducerType.Multi, int.MaxValue },
    };

    [Theory]
    [MemberData(nameof(InvalidClaims))]
    public void Next_of_a_claim_size_outside_1_to_the_ring_size_is_refused(ProducerType producerType, int n)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(n));

        Assert.Equal("n", refused.ParamName);
    }

    [Theory]
    [MemberData(nameof(InvalidClaims))]
    public void TryNext_of_a_claim_size_outside_1_to_the_ring_size_is_refused(ProducerType producerType, int n)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.TryNext(n, out _));
    }

    [Theory]
    [MemberData(nameof(InvalidClaims))]
    public void A_refused_claim_leaves_the_ring_where_it_was(ProducerType producerType, int n)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());
        ring.AddGatingSequences(new Sequence());
        ring.Next(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(n));
        long next = ring.Next();

        Assert.Equal(2, next);
        Assert.Equal(RingSize - 3, ring.RemainingCapacity());
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_claim_of_exactly_the_ring_size_is_accepted(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(RingSize, producerType, new YieldingWaitStrategy());

        long high = ring.Next(RingSize);

        Assert.Equal(RingSize - 1, high);
    }
}
