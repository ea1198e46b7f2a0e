using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// Halting stops a pipeline now: processors stop after their current batch, and every producer learns it, with
/// the reason, instead of publishing into a ring nobody reads or waiting forever for capacity.
/// </summary>
public sealed class HaltTests
{
    private const int RingSize = 4;
    private const string Reason = "KILL_SWITCH: operator pressed halt";

    [Fact]
    public void Halt_stops_every_processor_and_leaves_the_pipeline_Halted()
    {
        var pipeline = new RingPipeline<TestEvent>(64, ProducerType.Single, new YieldingWaitStrategy());
        using var first = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        using var second = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        using var third = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(first, second).Then(third);
        pipeline.Start();
        Publisher.Publish(pipeline.RingBuffer, producerId: 0, count: 100);

        pipeline.Halt(Reason);

        Assert.Equal(PipelineState.Halted, pipeline.State);
        Assert.All(pipeline.Processors, processor => Assert.False(processor.IsRunning, $"{processor.Name} still runs"));
        Assert.Null(pipeline.Fault);
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void After_halt_every_claim_throws_RingHaltedException_with_the_reason(ProducerType producerType)
    {
        var pipeline = new RingPipeline<TestEvent>(64, producerType, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        pipeline.Start();
        ValueRingBuffer<TestEvent> ring = pipeline.RingBuffer;

        pipeline.Halt(Reason);

        Assert.Equal(Reason, Assert.Throws<RingHaltedException>(() => ring.Next()).Reason);
        Assert.Equal(Reason, Assert.Throws<RingHaltedException>(() => ring.Next(4)).Reason);
        Assert.Equal(Reason, Assert.Throws<RingHaltedException>(() => ring.TryNext(out _)).Reason);
        Assert.Equal(Reason, Assert.Throws<RingHaltedException>(() => ring.TryNext(2, out _)).Reason);
        Assert.Contains(Reason, Assert.Throws<RingHaltedException>(() => ring.Next()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_producer_waiting_for_capacity_is_released_by_halt_with_RingHaltedException()
    {
        using var fixture = new HeldRing(ProducerType.Multi, RingSize);
        var claim = BackgroundCall.Start(() => fixture.Ring.Next(), "claimer");

        // A multi-producer claim takes its sequence before waiting for capacity, so once the cursor shows it the
        // claimer is certainly past the halt check at the top of Next() and waiting for the held consumer.
        Timeouts.WaitUntil(() => fixture.Ring.Cursor == RingSize, "the claimer took sequence 4 and began to wait");
        fixture.Ring.Halt(Reason);

        Assert.True(claim.Join(Timeouts.Generous), "the waiting claim did not end after the halt");
        var halted = Assert.IsType<RingHaltedException>(claim.Failure);
        Assert.Equal(Reason, halted.Reason);
    }

    [Fact]
    public void A_single_producer_waiting_for_capacity_is_released_by_halt_with_RingHaltedException()
    {
        using var fixture = new HeldRing(ProducerType.Single, RingSize);
        var claim = BackgroundCall.Start(() => fixture.Ring.Next(), "claimer");

        // A single-producer claim shows nothing before it waits, so the claimer is given a moment to get into its
        // wait; whether the halt finds it waiting or just before, the claim must end, and with the exception.
        bool endedBeforeHalt = claim.Join(Timeouts.Brief);
        fixture.Ring.Halt(Reason);

        Assert.False(endedBeforeHalt, "Next() returned on a full ring whose consumer was held");
        Assert.True(claim.Join(Timeouts.Generous), "the waiting claim did not end after the halt");
        var halted = Assert.IsType<RingHaltedException>(claim.Failure);
        Assert.Equal(Reason, halted.Reason);
    }

    [Fact]
    public void A_second_halt_keeps_the_first_reason()
    {
        var pipeline = new RingPipeline<TestEvent>(64, ProducerType.Single, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        pipeline.Start();

        pipeline.Halt(Reason);
        pipeline.Halt("a later, different reason");

        Assert.Equal(Reason, pipeline.RingBuffer.HaltReason);
        Assert.Equal(PipelineState.Halted, pipeline.State);
    }

    [Fact]
    public void Halting_a_drained_pipeline_leaves_it_Stopped()
    {
        var pipeline = new RingPipeline<TestEvent>(64, ProducerType.Single, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        pipeline.Start();
        pipeline.DrainAndStop(Timeouts.Generous);

        pipeline.Halt(Reason);

        Assert.Equal(PipelineState.Stopped, pipeline.State);
    }
}
