using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// The wait strategy trades latency against CPU; it must never trade correctness: with each of them every event
/// reaches every handler in order, and a halt stops a waiting consumer.
/// </summary>
public sealed class WaitStrategyTests
{
    [Theory]
    [InlineData(WaitStrategyKind.BusySpin, ProducerType.Single)]
    [InlineData(WaitStrategyKind.BusySpin, ProducerType.Multi)]
    [InlineData(WaitStrategyKind.Yielding, ProducerType.Single)]
    [InlineData(WaitStrategyKind.Yielding, ProducerType.Multi)]
    [InlineData(WaitStrategyKind.Sleeping, ProducerType.Single)]
    [InlineData(WaitStrategyKind.Sleeping, ProducerType.Multi)]
    [InlineData(WaitStrategyKind.Blocking, ProducerType.Single)]
    [InlineData(WaitStrategyKind.Blocking, ProducerType.Multi)]
    [InlineData(WaitStrategyKind.BlockingWithTimeout, ProducerType.Single)]
    [InlineData(WaitStrategyKind.BlockingWithTimeout, ProducerType.Multi)]
    public void Every_wait_strategy_delivers_every_event_to_every_handler_in_order(WaitStrategyKind kind, ProducerType producerType)
    {
        const int EventsPerProducer = 5_000;
        int producers = producerType == ProducerType.Single ? 1 : 2;
        var pipeline = new RingPipeline<TestEvent>(128, producerType, WaitStrategyFactory.Create(kind));
        using var first = new RecordingHandler(pipeline.RingBuffer.Sequencer, "first");
        using var second = new RecordingHandler(pipeline.RingBuffer.Sequencer, "second");
        HandlerGroup<TestEvent> firstStage = pipeline.HandleEventsWith(first);
        second.Upstream = firstStage.Sequences;
        firstStage.Then(second);
        try
        {
            pipeline.Start();

            Publisher.PublishFromThreads(pipeline.RingBuffer, producers, EventsPerProducer, batchSize: 1);
            pipeline.DrainAndStop(Timeouts.Generous);

            foreach (RecordingHandler handler in new[] { first, second })
            {
                Assert.Equal(producers * EventsPerProducer, handler.HandledCount);
                Assert.True(handler.OrderViolations.Count == 0, handler.OrderViolations.ToString());
                Assert.True(handler.PayloadViolations.Count == 0, handler.PayloadViolations.ToString());
                Assert.True(handler.UpstreamViolations.Count == 0, handler.UpstreamViolations.ToString());
            }
        }
        finally
        {
            pipeline.Halt("test cleanup");
        }
    }

    [Theory]
    [InlineData(WaitStrategyKind.BusySpin)]
    [InlineData(WaitStrategyKind.Yielding)]
    [InlineData(WaitStrategyKind.Sleeping)]
    [InlineData(WaitStrategyKind.Blocking)]
    [InlineData(WaitStrategyKind.BlockingWithTimeout)]
    public void Halt_stops_an_idle_consumer_waiting_with_every_wait_strategy(WaitStrategyKind kind)
    {
        var pipeline = new RingPipeline<TestEvent>(16, ProducerType.Single, WaitStrategyFactory.Create(kind));
        using var first = new RecordingHandler(pipeline.RingBuffer.Sequencer, "first");
        using var second = new RecordingHandler(pipeline.RingBuffer.Sequencer, "second");
        pipeline.HandleEventsWith(first).Then(second);
        pipeline.Start();
        Publisher.Publish(pipeline.RingBuffer, producerId: 0, count: 3);
        Timeouts.WaitUntil(() => second.HandledCount == 3, "both handlers handled everything and went idle");

        var halt = BackgroundCall.Start(() => pipeline.Halt("test: stop idle consumers"), "halt");

        halt.JoinAndRethrow("Halt (a waiting consumer did not notice it)");
        Assert.All(pipeline.Processors, processor => Assert.False(processor.IsRunning));
    }

    [Fact]
    public void A_blocking_wait_with_a_timeout_gives_up_when_nothing_is_published()
    {
        var strategy = new BlockingWaitStrategy(TimeSpan.FromMilliseconds(20));
        var ring = ValueRingBuffer<TestEvent>.CreateSingleProducer(8, strategy);
        SequenceBarrier barrier = ring.NewBarrier();
        long available = long.MinValue;

        var wait = BackgroundCall.Start(() => available = strategy.WaitFor(0, barrier.Dependents, barrier), "consumer");

        wait.JoinAndRethrow("the wait with a timeout");
        Assert.Equal(Sequence.InitialValue, available);
    }

    [Fact]
    public void A_blocking_wait_with_a_timeout_notices_a_halt_whose_wake_up_it_missed()
    {
        // The barrier belongs to a ring whose strategy is a different monitor, so alerting it wakes nobody waiting
        // on this strategy: only the timeout brings the waiter back to look at the halt flag. Without a timeout
        // the waiter would sleep forever (and this test would fail on its join timeout).
        var strategy = new BlockingWaitStrategy(TimeSpan.FromMilliseconds(20));
        var otherRing = ValueRingBuffer<TestEvent>.CreateSingleProducer(8, new BlockingWaitStrategy());
        SequenceBarrier barrier = otherRing.NewBarrier();
        var consumer = BackgroundCall.Start(
            () =>
            {
                while (strategy.WaitFor(0, barrier.Dependents, barrier) < 0)
                {
                }
            },
            "consumer");
        Timeouts.WaitUntil(() => consumer.IsBlocked, "the consumer to sleep on the monitor");

        otherRing.Halt("test: halt with a lost wake-up");

        Assert.True(consumer.Join(Timeouts.Generous), "the waiter never noticed the halt");
        Assert.IsType<AlertException>(consumer.Failure);
    }

    [Fact]
    public void A_blocking_wait_without_timeout_is_woken_by_a_publish()
    {
        var ring = ValueRingBuffer<TestEvent>.CreateSingleProducer(8, new BlockingWaitStrategy());
        SequenceBarrier barrier = ring.NewBarrier();
        long available = long.MinValue;
        var consumer = BackgroundCall.Start(() => available = barrier.WaitFor(0), "consumer");
        Timeouts.WaitUntil(() => consumer.IsBlocked, "the consumer to sleep on the monitor");

        long sequence = ring.Next();
        ring[sequence].Write(0, 0);
        ring.Publish(sequence);

        consumer.JoinAndRethrow("a waiter without timeout, woken by the publish,");
        Assert.Equal(0, available);
    }
}
