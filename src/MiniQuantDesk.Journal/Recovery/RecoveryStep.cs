using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Pipeline;

namespace MiniQuantDesk.Journal.Recovery;

/// <summary>
/// One restore event read from the journal, with the key that puts it at its place: the run, the ring sequence of
/// the event that produced the row, then what that event did first — a broker message is applied before the cancels
/// it made due, and cancels are decided before new orders (as the gateway does in a flatten) — then the row's order.
/// </summary>
internal readonly record struct RecoveryStep(
    long RunNumber,
    long Sequence,
    int Rank,
    long Tie,
    PipelineEventKind Kind,
    long EventTimeNs,
    RestoredOrder Order,
    RestoredRequest Request,
    BrokerOrderEvent Broker) : IComparable<RecoveryStep>
{
    /// <summary>Rank of a broker message (an inbox row).</summary>
    public const int BrokerRank = 0;

    /// <summary>Rank of a cancel or replace (an outbox_commands row).</summary>
    public const int RequestRank = 1;

    /// <summary>Rank of a new order (an outbox row).</summary>
    public const int OrderRank = 2;

    /// <inheritdoc />
    public int CompareTo(RecoveryStep other)
    {
        int comparison = RunNumber.CompareTo(other.RunNumber);
        if (comparison == 0)
        {
            comparison = Sequence.CompareTo(other.Sequence);
        }

        if (comparison == 0)
        {
            comparison = Rank.CompareTo(other.Rank);
        }

        return comparison != 0 ? comparison : Tie.CompareTo(other.Tie);
    }

    /// <summary>Writes the step into a ring slot.</summary>
    public static void Write(ref PipelineEvent slot, (RecoveryStep Step, int EngineId) state)
    {
        RecoveryStep step = state.Step;
        switch (step.Kind)
        {
            case PipelineEventKind.RestoreOrder:
                slot.SetRestoreOrder(step.EventTimeNs, step.Order);
                break;
            case PipelineEventKind.RestoreRequest:
                slot.SetRestoreRequest(step.EventTimeNs, step.Request);
                break;
            default:
                slot.SetRestoreBroker(state.EngineId, step.Broker);
                break;
        }
    }
}
