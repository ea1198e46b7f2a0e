namespace MiniQuantDesk.Benchmarks.Throughput;

/// <summary>Sizes shared by every throughput benchmark, so that their numbers compare.</summary>
public static class ThroughputSettings
{
    /// <summary>Events published per benchmark invocation (the <c>OperationsPerInvoke</c>): per-op times are per event.</summary>
    public const int EventsPerInvoke = 1 << 20;

    /// <summary>Slots in every ring, and the capacity of every bounded channel and blocking collection.</summary>
    public const int Capacity = 1 << 16;

    /// <summary>Events claimed and published at once by the batch benchmarks (<c>Next(n)</c>, <c>Publish(lo, hi)</c>).</summary>
    public const int BatchSize = 64;

    /// <summary>How long setup and cleanup wait for threads to start, drain and stop.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
}
