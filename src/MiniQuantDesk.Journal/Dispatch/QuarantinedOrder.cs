namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>One unresolved order of a quarantined engine (its row is AMBIGUOUS by the time it is reported).</summary>
/// <param name="ClientOrderId">The order to look up at the broker.</param>
/// <param name="Shape">What the row looked like when the check found it.</param>
/// <param name="LastError">What the dispatcher recorded about it, if anything.</param>
public sealed record QuarantinedOrder(string ClientOrderId, QuarantineShape Shape, string? LastError);
