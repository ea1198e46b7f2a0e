using MiniQuantDesk.Engine;

namespace MiniQuantDesk.Journal.Recovery;

/// <summary>What a restore put back into the pipeline, and whether the engine halted on it.</summary>
/// <param name="RunsRead">The engine's earlier runs whose journal was read.</param>
/// <param name="OrdersRestored">Orders put back (outbox rows).</param>
/// <param name="RequestsRestored">Cancels and replaces put back (outbox_commands rows).</param>
/// <param name="BrokerMessagesReplayed">Broker messages replayed (inbox rows the engine had applied).</param>
/// <param name="HaltRowsNotReplayed">Inbox rows of messages the engine halted on, which changed nothing then and
/// are not replayed (replaying them would halt every start after the halt was cleared).</param>
/// <param name="LastCursor">The broker cursor of the latest run that has one, where to resume the broker's event
/// stream; null when no run has one.</param>
/// <param name="LastSequence">The ring sequence of the last restore event, or −1 when there was nothing to restore.</param>
/// <param name="Halt">Why the engine halted while restoring, or <see cref="Reason.None"/>. When set the caller must not
/// arm the engine: it and the journal disagree (or the journal kept no risk state for a past it holds:
/// <see cref="ReasonCode.RiskStateNotRestored"/>).</param>
/// <param name="RiskStateRestored">True when the journal's risk checkpoint (daily loss baseline, drawdown peak, kill
/// switch) was put back.</param>
public sealed record RecoveryResult(
    int RunsRead,
    int OrdersRestored,
    int RequestsRestored,
    int BrokerMessagesReplayed,
    int HaltRowsNotReplayed,
    string? LastCursor,
    long LastSequence,
    Reason Halt,
    bool RiskStateRestored)
{
    /// <summary>True when the engine halted while restoring (fail closed: do not arm).</summary>
    public bool Halted => Halt.IsSet;
}
