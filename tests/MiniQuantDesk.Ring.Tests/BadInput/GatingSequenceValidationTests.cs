using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests.BadInput;

/// <summary>Consumers that gate the producers must be declared before the first claim: one added later could
/// find the slots it needs already overwritten.</summary>
public sealed class GatingSequenceValidationTests
{
    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Adding_a_gating_sequence_after_the_first_claim_is_refused(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(4, producerType, new YieldingWaitStrategy());
        ring.Next();

        Assert.Throws<InvalidOperationException>(() => ring.AddGatingSequences(new Sequence()));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_refused_gating_sequence_does_not_gate_the_producers(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(4, producerType, new YieldingWaitStrategy());
        ring.Publish(ring.Next());

        Assert.Throws<InvalidOperationException>(() => ring.AddGatingSequences(new Sequence()));
        bool claimedAFullLap = ring.TryNext(4, out long high);

        Assert.True(claimedAFullLap);
        Assert.Equal(4, high);
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_gating_sequence_added_before_the_first_claim_gates_the_producers(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(4, producerType, new YieldingWaitStrategy());
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);

        ring.Publish(0, ring.Next(4));

        Assert.False(ring.TryNext(out _));
        consumer.SetValue(0);
        Assert.True(ring.TryNext(out long next));
        Assert.Equal(4, next);
    }
}
