using MiniQuantDesk.Ring.Diagnostics;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>One scenario's one-way latency distribution, publish to handler, in nanoseconds.</summary>
/// <param name="Name">The scenario, e.g. <c>ring-yielding</c>.</param>
/// <param name="Description">What was measured, in words.</param>
/// <param name="Events">Events measured (after warm-up).</param>
/// <param name="P50Ns">Median.</param>
/// <param name="P90Ns">90th percentile.</param>
/// <param name="P99Ns">99th percentile.</param>
/// <param name="P999Ns">99.9th percentile.</param>
/// <param name="MaxNs">Largest.</param>
/// <param name="MeanNs">Mean.</param>
/// <param name="AllocatedBytesPerEvent">Bytes allocated by the whole process during the measured events, per event.</param>
public sealed record LatencyScenarioResult(
    string Name,
    string Description,
    long Events,
    long P50Ns,
    long P90Ns,
    long P99Ns,
    long P999Ns,
    long MaxNs,
    double MeanNs,
    double AllocatedBytesPerEvent)
{
    /// <summary>Summarises <paramref name="histogram"/>.</summary>
    internal static LatencyScenarioResult From(string name, string description, LatencyHistogram histogram, double allocatedBytesPerEvent) => new(
        name,
        description,
        histogram.Count,
        histogram.ValueAtPercentile(50),
        histogram.ValueAtPercentile(90),
        histogram.ValueAtPercentile(99),
        histogram.ValueAtPercentile(99.9),
        histogram.Max,
        Math.Round(histogram.Mean, 1),
        allocatedBytesPerEvent);
}
