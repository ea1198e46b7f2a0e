using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>A fault must say which handler failed, so two handlers of one type carry different names.</summary>
public sealed class HandlerNamingTests
{
    [Fact]
    public void Two_handlers_of_one_type_get_names_that_tell_them_apart()
    {
        var pipeline = new RingPipeline<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        using var first = new RecordingHandler(pipeline.RingBuffer.Sequencer, "first");
        using var second = new RecordingHandler(pipeline.RingBuffer.Sequencer, "second");
        pipeline.HandleEventsWith(first).Then(second);

        string[] names = [.. pipeline.Processors.Select(p => p.Name)];

        Assert.Equal([nameof(RecordingHandler), nameof(RecordingHandler) + "#2"], names);
    }
}
