using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Processing;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// Fail closed: a handler that throws halts the whole pipeline at the failing event. The event is never skipped,
/// no handler after the failing one sees it, and the fault says who failed, where and why.
/// Topology: upstream → failing (throws at sequence <see cref="FailAt"/>) → downstream, with
/// <see cref="Published"/> events published before the failure is allowed to happen.
/// </summary>
public sealed class HandlerFaultTests : IDisposable
{
    private const long FailAt = 5;
    private const int Published = 16;

    private readonly RingPipeline<TestEvent> _pipeline;
    private readonly RecordingHandler _upstream;
    private readonly ThrowingHandler _failing;
    private readonly RecordingHandler _downstream;

    public HandlerFaultTests()
    {
        _pipeline = new RingPipeline<TestEvent>(32, ProducerType.Multi, new YieldingWaitStrategy());
        _upstream = new RecordingHandler(_pipeline.RingBuffer.Sequencer, "upstream");
        _failing = new ThrowingHandler(FailAt);
        _downstream = new RecordingHandler(_pipeline.RingBuffer.Sequencer, "downstream");
        _pipeline.HandleEventsWith(_upstream).Then(_failing).Then(_downstream);
    }

    [Fact]
    public void A_handler_that_throws_faults_the_pipeline_naming_the_handler_the_sequence_and_the_exception()
    {
        RunUntilFaulted();

        HandlerFault? fault = _pipeline.Fault;

        Assert.NotNull(fault);
        Assert.Equal(nameof(ThrowingHandler), fault.HandlerName);
        Assert.Equal(FailAt, fault.Sequence);
        Assert.Same(_failing.Failure, fault.Exception);
        Assert.Equal(PipelineState.Faulted, _pipeline.State);
    }

    [Fact]
    public void No_handler_after_the_failing_one_sees_the_failing_event_or_any_later_one()
    {
        RunUntilFaulted();

        _pipeline.Halt("test: join the threads");

        Assert.All(_downstream.Sequences, sequence => Assert.True(sequence < FailAt, $"downstream saw {sequence}"));
        Assert.Equal(0, _downstream.OrderViolations.Count);
    }

    [Fact]
    public void The_failing_handlers_sequence_stops_at_the_end_of_its_last_whole_batch_before_the_failing_event()
    {
        RunUntilFaulted();

        _pipeline.Halt("test: join the threads");
        ValueBatchEventProcessor<TestEvent> failingProcessor = _pipeline.Processors[1];
        long released = failingProcessor.Sequence.Value;

        Assert.True(released < FailAt, $"the failing handler released {released}");
        Assert.All(_downstream.Sequences, sequence => Assert.True(sequence <= released, $"downstream saw {sequence}, released only {released}"));
        Assert.Equal([0L, 1, 2, 3, 4], _failing.Handled);
    }

    [Fact]
    public void Every_processor_stops_after_a_fault()
    {
        RunUntilFaulted();

        Timeouts.WaitUntil(() => _pipeline.Processors.All(p => !p.IsRunning), "every processor stopped");

        Assert.Equal(PipelineState.Faulted, _pipeline.State);
    }

    [Fact]
    public void DrainAndStop_after_a_fault_throws_PipelineFaultedException_carrying_the_fault()
    {
        RunUntilFaulted();

        var faulted = Assert.Throws<PipelineFaultedException>(() => _pipeline.DrainAndStop(Timeouts.Generous));

        Assert.Same(_pipeline.Fault, faulted.Fault);
        Assert.Same(_failing.Failure, faulted.InnerException);
        Assert.Contains(nameof(ThrowingHandler), faulted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_producer_claiming_after_a_fault_gets_RingHaltedException_naming_the_fault()
    {
        RunUntilFaulted();

        var halted = Assert.Throws<RingHaltedException>(() => _pipeline.RingBuffer.Next());

        Assert.Contains(nameof(ThrowingHandler), halted.Reason, StringComparison.Ordinal);
        Assert.Contains("sequence 5", halted.Reason, StringComparison.Ordinal);
        Assert.Contains(_failing.Failure.Message, halted.Reason, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _failing.AllowFailure();
        _upstream.Release();
        _pipeline.Halt("test cleanup");
        _upstream.Dispose();
        _failing.Dispose();
        _downstream.Dispose();
    }

    /// <summary>Starts the pipeline, publishes everything, then lets the failing handler throw and waits until the
    /// pipeline recorded the fault.</summary>
    private void RunUntilFaulted()
    {
        _pipeline.Start();
        Publisher.Publish(_pipeline.RingBuffer, producerId: 0, Published);
        _failing.AllowFailure();
        Timeouts.WaitUntil(() => _pipeline.Fault is not null, "the failing handler to fault the pipeline");
    }
}
