using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests.BadInput;

/// <summary>
/// A pipeline's topology is declared once, before it starts, with each handler instance in one place. Mistakes in
/// that order are refused at the call with <see cref="InvalidOperationException"/>, and a running pipeline that
/// refused a call goes on working.
/// </summary>
public sealed class PipelineSetupValidationTests : IDisposable
{
    private readonly RingPipeline<TestEvent> _pipeline = new(16, ProducerType.Single, new YieldingWaitStrategy());
    private readonly RecordingHandler _first;
    private readonly RecordingHandler _second;

    public PipelineSetupValidationTests()
    {
        _first = new RecordingHandler(_pipeline.RingBuffer.Sequencer, "first");
        _second = new RecordingHandler(_pipeline.RingBuffer.Sequencer, "second");
    }

    [Fact]
    public void Starting_twice_is_refused_and_the_running_pipeline_keeps_working()
    {
        _pipeline.HandleEventsWith(_first);
        _pipeline.Start();

        Assert.Throws<InvalidOperationException>(_pipeline.Start);
        Publisher.Publish(_pipeline.RingBuffer, producerId: 0, count: 10);
        _pipeline.DrainAndStop(Timeouts.Generous);

        Assert.Equal(10, _first.HandledCount);
    }

    [Fact]
    public void Starting_without_any_handler_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(_pipeline.Start);

        Assert.Contains("HandleEventsWith", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PipelineState.Created, _pipeline.State);
    }

    [Fact]
    public void Adding_a_handler_with_HandleEventsWith_after_start_is_refused()
    {
        _pipeline.HandleEventsWith(_first);
        _pipeline.Start();

        Assert.Throws<InvalidOperationException>(() => _pipeline.HandleEventsWith(_second));
        Assert.Single(_pipeline.Processors);
    }

    [Fact]
    public void Adding_a_handler_with_Then_after_start_is_refused()
    {
        HandlerGroup<TestEvent> group = _pipeline.HandleEventsWith(_first);
        _pipeline.Start();

        Assert.Throws<InvalidOperationException>(() => group.Then(_second));
        Assert.Single(_pipeline.Processors);
    }

    [Fact]
    public void The_same_handler_instance_twice_in_one_group_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => _pipeline.HandleEventsWith(_first, _first));
        Assert.Empty(_pipeline.Processors);
    }

    [Fact]
    public void The_same_handler_instance_in_two_groups_is_refused()
    {
        _pipeline.HandleEventsWith(_first);

        Assert.Throws<InvalidOperationException>(() => _pipeline.HandleEventsWith(_first));
        Assert.Single(_pipeline.Processors);
    }

    [Fact]
    public void The_same_handler_instance_after_itself_is_refused()
    {
        HandlerGroup<TestEvent> group = _pipeline.HandleEventsWith(_first);

        Assert.Throws<InvalidOperationException>(() => group.Then(_first));
        Assert.Single(_pipeline.Processors);
    }

    [Fact]
    public void Draining_a_pipeline_that_never_started_is_refused()
    {
        _pipeline.HandleEventsWith(_first);

        Assert.Throws<InvalidOperationException>(() => _pipeline.DrainAndStop(Timeouts.Generous));
    }

    [Fact]
    public void Draining_a_halted_pipeline_is_refused()
    {
        _pipeline.HandleEventsWith(_first);
        _pipeline.Start();
        _pipeline.Halt("test: halted before the drain");

        Assert.Throws<InvalidOperationException>(() => _pipeline.DrainAndStop(Timeouts.Generous));
        Assert.Equal(PipelineState.Halted, _pipeline.State);
    }

    [Fact]
    public void Starting_a_pipeline_over_a_ring_already_claimed_from_is_refused()
    {
        var ring = ValueRingBuffer<TestEvent>.CreateSingleProducer(16, new YieldingWaitStrategy());
        ring.Next();
        var pipeline = new RingPipeline<TestEvent>(ring);
        using var handler = new RecordingHandler(ring.Sequencer);
        pipeline.HandleEventsWith(handler);

        Assert.Throws<InvalidOperationException>(pipeline.Start);
        Assert.Equal(PipelineState.Created, pipeline.State);
    }

    public void Dispose()
    {
        _pipeline.Halt("test cleanup");
        _first.Dispose();
        _second.Dispose();
    }
}
