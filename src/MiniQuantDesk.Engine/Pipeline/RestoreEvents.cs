using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>
/// Writes the restore events into a ring slot: what a start publishes, before any live event, to rebuild every
/// stage's state from the journal through the same handlers as live (so the fused and the staged topologies rebuild
/// alike). Publish them with <see cref="TradingPipeline.PublishRaw{TState}"/>.
/// </summary>
public static class RestoreEvents
{
    /// <summary>Writes a <see cref="PipelineEventKind.RestoreOrder"/> for the engine of the order's client order id.</summary>
    public static void SetRestoreOrder(ref this PipelineEvent slot, long eventTimeNs, in RestoredOrder order)
    {
        slot.Kind = PipelineEventKind.RestoreOrder;
        slot.EngineId = order.ClientOrderId.EngineId;
        slot.EventTimeNs = eventTimeNs;
        slot.Restore = order;
    }

    /// <summary>Writes a <see cref="PipelineEventKind.RestoreRequest"/> for the engine of the order's client order id.</summary>
    public static void SetRestoreRequest(ref this PipelineEvent slot, long eventTimeNs, in RestoredRequest request)
    {
        slot.Kind = PipelineEventKind.RestoreRequest;
        slot.EngineId = request.ClientOrderId.EngineId;
        slot.EventTimeNs = eventTimeNs;
        slot.RestoreRequest = request;
    }

    /// <summary>Writes a <see cref="PipelineEventKind.RestoreBroker"/> for <paramref name="engineId"/> (a journaled
    /// message may name only the broker's order id, so the engine is given, not taken from the client order id).</summary>
    public static void SetRestoreBroker(ref this PipelineEvent slot, int engineId, in BrokerOrderEvent message)
    {
        slot.Kind = PipelineEventKind.RestoreBroker;
        slot.EngineId = engineId;
        slot.EventTimeNs = message.EventTimeNs;
        slot.Broker = message;
    }

    /// <summary>Writes a <see cref="PipelineEventKind.RestoreRisk"/> for <paramref name="engineId"/>: the risk state the
    /// journal kept, or a checkpoint with no equity when it kept none although it holds orders or fills (the engine
    /// then halts with <see cref="ReasonCode.RiskStateNotRestored"/>).</summary>
    public static void SetRestoreRisk(ref this PipelineEvent slot, int engineId, long eventTimeNs, in RiskCheckpoint checkpoint)
    {
        slot.Kind = PipelineEventKind.RestoreRisk;
        slot.EngineId = engineId;
        slot.EventTimeNs = eventTimeNs;
        slot.RestoredRisk = checkpoint;
    }
}
