using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// Runs handlers in sequence on each event, on one thread: the fused topology (integrity → strategy → risk →
/// gateway, then any downstream handler). The same handler objects as the staged topology, so the same decisions.
/// </summary>
public sealed class FusedStages : IValueEventHandler<PipelineEvent>
{
    private readonly IValueEventHandler<PipelineEvent>[] _stages;

    /// <summary>Runs <paramref name="stages"/> in the order given.</summary>
    public FusedStages(params IValueEventHandler<PipelineEvent>[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _stages = [.. stages];
    }

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        IValueEventHandler<PipelineEvent>[] stages = _stages;
        for (int i = 0; i < stages.Length; i++)
        {
            stages[i].OnEvent(ref data, sequence, endOfBatch);
        }
    }

    /// <inheritdoc />
    public void OnBatchStart(long batchSize)
    {
        foreach (IValueEventHandler<PipelineEvent> stage in _stages)
        {
            stage.OnBatchStart(batchSize);
        }
    }

    /// <inheritdoc />
    public void OnStart()
    {
        foreach (IValueEventHandler<PipelineEvent> stage in _stages)
        {
            stage.OnStart();
        }
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
        foreach (IValueEventHandler<PipelineEvent> stage in _stages)
        {
            stage.OnShutdown();
        }
    }
}
