namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>The latency harness's event: when it was published, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
internal struct LatencyEvent
{
    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> just before the producer published the slot.</summary>
    public long PublishedTimestamp;
}
