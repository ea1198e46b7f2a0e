namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>The metrics of one stress run.</summary>
/// <param name="Profile">The stress profile's name.</param>
/// <param name="Metrics">The run's <c>metrics.json</c> values by key.</param>
public sealed record StressOutcome(string Profile, IReadOnlyDictionary<string, double> Metrics);
