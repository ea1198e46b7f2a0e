using System.Reflection;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// Runs handlers in sequence on each event, on one thread: the fused topology (integrity → strategy → risk →
/// gateway, then any downstream handler). The same handler objects as the staged topology, so the same decisions.
/// <para>When the chain starts with the four business-logic stages in their order, they are called through their
/// sealed types rather than through the handler interface: one call site that sees five types would otherwise
/// resolve its target through a dispatch stub on every event. The order of the calls is the same either way.</para>
/// </summary>
public sealed class FusedStages : IValueEventHandler<PipelineEvent>
{
    private readonly IValueEventHandler<PipelineEvent>[] _stages;
    private readonly IntegrityStage? _integrity;
    private readonly StrategyStage? _strategy;
    private readonly RiskStage? _risk;
    private readonly GatewayStage? _gateway;
    private readonly IValueEventHandler<PipelineEvent>[] _downstream;
    private readonly IValueEventHandler<PipelineEvent>? _firstDownstream;
    private readonly IValueEventHandler<PipelineEvent>? _secondDownstream;
    private readonly IValueEventHandler<PipelineEvent>[] _batchStartListeners;

    /// <summary>Runs <paramref name="stages"/> in the order given.</summary>
    public FusedStages(params IValueEventHandler<PipelineEvent>[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _stages = [.. stages];
        _batchStartListeners = BatchStartListeners(_stages);
        if (_stages is [IntegrityStage integrity, StrategyStage strategy, RiskStage risk, GatewayStage gateway, ..])
        {
            _integrity = integrity;
            _strategy = strategy;
            _risk = risk;
            _gateway = gateway;
            _downstream = _stages[4..];
        }
        else
        {
            _downstream = _stages;
        }

        _firstDownstream = _downstream.Length > 0 ? _downstream[0] : null;
        _secondDownstream = _downstream.Length > 1 ? _downstream[1] : null;
    }

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        if (_gateway is not null)
        {
            _integrity!.OnEvent(ref data, sequence, endOfBatch);
            _strategy!.OnEvent(ref data, sequence, endOfBatch);
            _risk!.OnEvent(ref data, sequence, endOfBatch);
            _gateway.OnEvent(ref data, sequence, endOfBatch);
        }

        // The first two downstream handlers each get a call site of their own: a site that sees one type is
        // devirtualized, while one site shared by two types resolves its target through a stub on every event.
        _firstDownstream?.OnEvent(ref data, sequence, endOfBatch);
        _secondDownstream?.OnEvent(ref data, sequence, endOfBatch);
        IValueEventHandler<PipelineEvent>[] downstream = _downstream;
        for (int i = 2; i < downstream.Length; i++)
        {
            downstream[i].OnEvent(ref data, sequence, endOfBatch);
        }
    }

    /// <inheritdoc />
    public void OnBatchStart(long batchSize)
    {
        IValueEventHandler<PipelineEvent>[] listeners = _batchStartListeners;
        for (int i = 0; i < listeners.Length; i++)
        {
            listeners[i].OnBatchStart(batchSize);
        }
    }

    /// <summary>
    /// The handlers that implement the batch-start hook themselves. A polled backtest starts a batch for every event,
    /// and calling the interface's empty default on each handler would cost an interface dispatch apiece.
    /// </summary>
    private static IValueEventHandler<PipelineEvent>[] BatchStartListeners(IValueEventHandler<PipelineEvent>[] stages) =>
        [.. stages.Where(static stage => ImplementsBatchStart(stage.GetType()))];

    private static bool ImplementsBatchStart(Type type)
    {
        InterfaceMapping map = type.GetInterfaceMap(typeof(IValueEventHandler<PipelineEvent>));
        int index = Array.FindIndex(map.InterfaceMethods, static method => method.Name == nameof(OnBatchStart));
        return map.TargetMethods[index].DeclaringType != typeof(IValueEventHandler<PipelineEvent>);
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
