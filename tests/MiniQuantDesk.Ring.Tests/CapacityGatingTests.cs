using MiniQuantDesk.Ring.Tests.Support;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// A producer may run at most one lap ahead of the slowest consumer. Each test holds the only consumer at
/// sequence 0 (a handler blocked on a gate the test controls), fills the ring, and looks at what claims do.
/// </summary>
public sealed class CapacityGatingTests
{
    private const int RingSize = 4;

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_producer_never_overwrites_a_slot_a_consumer_still_needs(ProducerType producerType)
    {
        using var fixture = new HeldRing(producerType, RingSize);

        bool claimed = fixture.Ring.TryNext(out long sequence);

        Assert.False(claimed, $"TryNext claimed sequence {sequence} over the slot of sequence 0, which the consumer still needs");
        Assert.Equal(0, fixture.Ring.RemainingCapacity());
        Assert.Equal(0, fixture.Ring[0].Counter);
        Assert.True(fixture.Ring[0].IsIntact);
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void TryNext_claims_again_once_the_consumer_frees_a_slot(ProducerType producerType)
    {
        using var fixture = new HeldRing(producerType, RingSize);
        Assert.False(fixture.Ring.TryNext(out _));

        fixture.Consumer.Release();
        Timeouts.WaitUntil(() => fixture.ConsumerSequence.Value >= 0, "the consumer handled sequence 0");
        bool claimed = fixture.Ring.TryNext(out long sequence);

        Assert.True(claimed);
        Assert.Equal(RingSize, sequence);
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Next_on_a_full_ring_returns_only_after_the_consumer_frees_a_slot(ProducerType producerType)
    {
        using var fixture = new HeldRing(producerType, RingSize);
        long claimedSequence = long.MinValue;
        long consumerSequenceWhenClaimed = long.MinValue;
        var claim = BackgroundCall.Start(
            () =>
            {
                claimedSequence = fixture.Ring.Next();
                consumerSequenceWhenClaimed = fixture.ConsumerSequence.Value;
            },
            "claimer");

        bool returnedWhileFull = claim.Join(Timeouts.Brief);
        fixture.Consumer.Release();
        claim.JoinAndRethrow("Next() after the consumer moved on");

        Assert.False(returnedWhileFull, "Next() returned while the consumer still held the slot it would overwrite");
        Assert.Equal(RingSize, claimedSequence);
        Assert.True(consumerSequenceWhenClaimed >= 0, $"Next() returned when the consumer was at {consumerSequenceWhenClaimed}");
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_batch_claim_that_does_not_fit_whole_is_refused_whole(ProducerType producerType)
    {
        using var fixture = new HeldRing(producerType, RingSize, published: 2);

        bool claimedThree = fixture.Ring.TryNext(3, out _);
        bool claimedTwo = fixture.Ring.TryNext(2, out long high);

        Assert.False(claimedThree, "a claim of 3 slots succeeded with only 2 free");
        Assert.True(claimedTwo);
        Assert.Equal(3, high);
    }
}
