using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// A consumer off the latency path (a journal) may wait with a strategy of its own: it still sees every event in order
/// after its upstream. A blocking strategy of its own is refused, because producers signal only the ring's strategy
/// and such a consumer would never wake.
/// </summary>
public sealed class ConsumerWaitStrategyTests
{
    [Theory]
    [InlineData(WaitStrategyKind.Sleeping)]
    [InlineData(WaitStrategyKind.BusySpin)]
    public void A_consumer_with_its_own_signal_free_strategy_sees_every_event_in_order_after_its_upstream(WaitStrategyKind kind)
    {
        const int Events = 5_000;
        var pipeline = new RingPipeline<TestEvent>(128, ProducerType.Single, new YieldingWaitStrategy());
        using var first = new RecordingHandler(pipeline.RingBuffer.Sequencer, "first");
        using var journal = new RecordingHandler(pipeline.RingBuffer.Sequencer, "journal");
        HandlerGroup<TestEvent> firstStage = pipeline.HandleEventsWith(first);
        journal.Upstream = firstStage.Sequences;
        firstStage.Then(WaitStrategyFactory.Create(kind), journal);
        try
        {
            pipeline.Start();

            Publisher.Publish(pipeline.RingBuffer, producerId: 0, Events);
            pipeline.DrainAndStop(Timeouts.Generous);

            Assert.Equal(Events, journal.HandledCount);
            Assert.True(journal.OrderViolations.Count == 0, journal.OrderViolations.ToString());
            Assert.True(journal.UpstreamViolations.Count == 0, journal.UpstreamViolations.ToString());
        }
        finally
        {
            pipeline.Halt("test cleanup");
        }
    }

    [Fact]
    public void A_blocking_strategy_of_its_own_is_refused_naming_why()
    {
        var pipeline = new RingPipeline<TestEvent>(128, ProducerType.Single, new YieldingWaitStrategy());
        using var first = new RecordingHandler(pipeline.RingBuffer.Sequencer, "first");
        using var journal = new RecordingHandler(pipeline.RingBuffer.Sequencer, "journal");
        HandlerGroup<TestEvent> firstStage = pipeline.HandleEventsWith(first);

        ArgumentException refused = Assert.Throws<ArgumentException>(() => firstStage.Then(new BlockingWaitStrategy(), journal));

        Assert.Contains("producers signal only the ring's own wait strategy", refused.Message, StringComparison.Ordinal);
        pipeline.Halt("test cleanup");
    }
}
