namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>The outcome of <see cref="QuarantineCheck.ResolveAsync"/>.</summary>
/// <param name="EngineId">The engine the order belongs to.</param>
/// <param name="State">The state the row was moved to.</param>
/// <param name="StillUnresolved">The engine's AMBIGUOUS orders left; the engine stays quarantined while any remain.
/// The engine stays disarmed either way: arming is the operator's separate, explicit step.</param>
public sealed record OutboxResolutionResult(string EngineId, OutboxState State, IReadOnlyList<string> StillUnresolved);
