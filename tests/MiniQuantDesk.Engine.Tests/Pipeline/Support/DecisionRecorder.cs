using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>A downstream handler that copies every slot's outputs into a list (it allocates: tests only).</summary>
internal sealed class DecisionRecorder : IValueEventHandler<PipelineEvent>
{
    public List<SlotRecord> Records { get; } = [];

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch) => Records.Add(SlotRecord.Of(sequence, in data));
}
