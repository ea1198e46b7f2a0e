using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Pipeline.Stages;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Tests.Pipeline;

/// <summary>The fused chain hands every lifecycle hook to the handlers that implement it, in chain order.</summary>
public sealed class FusedStagesTests
{
    [Fact]
    public void Batch_start_reaches_every_handler_that_implements_it_in_chain_order_and_events_reach_all()
    {
        var calls = new List<string>();
        var chain = new FusedStages(new BatchListener("first", calls), new EventOnly("quiet", calls), new BatchListener("last", calls));
        var slot = default(PipelineEvent);

        chain.OnBatchStart(2);
        chain.OnEvent(ref slot, 0, endOfBatch: false);
        chain.OnEvent(ref slot, 1, endOfBatch: true);

        Assert.Equal(
            ["first batch 2", "last batch 2", "first event 0", "quiet event 0", "last event 0", "first event 1", "quiet event 1", "last event 1"],
            calls);
    }

    private sealed class BatchListener(string name, List<string> calls) : IValueEventHandler<PipelineEvent>
    {
        public void OnBatchStart(long batchSize) => calls.Add($"{name} batch {batchSize}");

        public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch) => calls.Add($"{name} event {sequence}");
    }

    private sealed class EventOnly(string name, List<string> calls) : IValueEventHandler<PipelineEvent>
    {
        public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch) => calls.Add($"{name} event {sequence}");
    }
}
