namespace MiniQuantDesk.Backtest.Running;

/// <summary>A point in event time where the run must stop, and the reason a person reads.</summary>
/// <param name="AtNs">The first bar ending at or after this time is not processed.</param>
/// <param name="Reason">Why, e.g. a corporate action the user forbade.</param>
public sealed record RunStop(long AtNs, string Reason);
