using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// <c>DrainAndStop</c> is the orderly stop: nothing published is lost, every handler handles every event, and
/// only then do the threads stop. Afterwards the ring accepts nothing more.
/// </summary>
public sealed class DrainTests
{
    private const int Events = 200;

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void DrainAndStop_returns_only_after_every_handler_handled_every_published_event(ProducerType producerType)
    {
        // head → (left, right) → tail; the head is held at its first event until the drain has begun, so that
        // every handler is behind when DrainAndStop is called.
        var pipeline = new RingPipeline<TestEvent>(256, producerType, new YieldingWaitStrategy());
        Sequencer sequencer = pipeline.RingBuffer.Sequencer;
        using var head = new RecordingHandler(sequencer, "head");
        using var left = new RecordingHandler(sequencer, "left");
        using var right = new RecordingHandler(sequencer, "right");
        using var tail = new RecordingHandler(sequencer, "tail");
        head.HoldAt(0);
        pipeline.HandleEventsWith(head).Then(left, right).Then(tail);
        RecordingHandler[] handlers = [head, left, right, tail];
        try
        {
            pipeline.Start();
            Publisher.Publish(pipeline.RingBuffer, producerId: 0, Events);
            Timeouts.WaitFor(head.ReachedHold, "the head handler to start on sequence 0");

            var drain = BackgroundCall.Start(() => pipeline.DrainAndStop(Timeouts.Generous), "drain");
            Timeouts.WaitUntil(() => pipeline.RingBuffer.IsHalted, "the drain to refuse new claims");
            head.Release();
            drain.JoinAndRethrow("DrainAndStop");
            long[] handledWhenDrainReturned = [.. handlers.Select(h => h.HandledCount)];

            Assert.All(handledWhenDrainReturned, handled => Assert.Equal(Events, handled));
            Assert.All(handlers, h => Assert.Equal(Enumerable.Range(0, Events).Select(i => (long)i), h.Sequences));
        }
        finally
        {
            head.Release();
            pipeline.Halt("test cleanup");
        }
    }

    [Fact]
    public void DrainAndStop_leaves_the_pipeline_Stopped_with_no_processor_running()
    {
        var pipeline = new RingPipeline<TestEvent>(64, ProducerType.Single, new YieldingWaitStrategy());
        using var first = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        using var second = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(first).Then(second);
        pipeline.Start();
        Publisher.Publish(pipeline.RingBuffer, producerId: 0, Events);

        pipeline.DrainAndStop(Timeouts.Generous);

        Assert.Equal(PipelineState.Stopped, pipeline.State);
        Assert.All(pipeline.Processors, processor => Assert.False(processor.IsRunning, $"{processor.Name} still runs"));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_claim_after_DrainAndStop_throws_RingHaltedException(ProducerType producerType)
    {
        var pipeline = new RingPipeline<TestEvent>(64, producerType, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        pipeline.Start();
        Publisher.Publish(pipeline.RingBuffer, producerId: 0, Events);

        pipeline.DrainAndStop(Timeouts.Generous);

        Assert.Throws<RingHaltedException>(() => pipeline.RingBuffer.Next());
        Assert.Throws<RingHaltedException>(() => pipeline.RingBuffer.TryNext(out _));
    }

    [Fact]
    public void A_second_DrainAndStop_returns_at_once()
    {
        var pipeline = new RingPipeline<TestEvent>(64, ProducerType.Single, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        pipeline.Start();
        pipeline.DrainAndStop(Timeouts.Generous);

        pipeline.DrainAndStop(Timeouts.Generous);

        Assert.Equal(PipelineState.Stopped, pipeline.State);
    }

    [Fact]
    public void A_drain_that_times_out_keeps_the_pipeline_running_and_a_later_drain_completes_it()
    {
        var pipeline = new RingPipeline<TestEvent>(256, ProducerType.Single, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer, "slow-consumer");
        consumer.HoldAt(0);
        pipeline.HandleEventsWith(consumer);
        try
        {
            pipeline.Start();
            Publisher.Publish(pipeline.RingBuffer, producerId: 0, Events);
            Timeouts.WaitFor(consumer.ReachedHold, "the consumer to start on sequence 0");

            var timeout = Assert.Throws<TimeoutException>(() => pipeline.DrainAndStop(TimeSpan.FromMilliseconds(50)));

            Assert.Equal(PipelineState.Running, pipeline.State);
            Assert.Contains("RecordingHandler", timeout.Message, StringComparison.Ordinal);
            consumer.Release();
            pipeline.DrainAndStop(Timeouts.Generous);
            Assert.Equal(Events, consumer.HandledCount);
        }
        finally
        {
            consumer.Release();
            pipeline.Halt("test cleanup");
        }
    }
}
