using System.Diagnostics;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>Converts <see cref="Stopwatch"/> ticks to nanoseconds and spins for short gaps.</summary>
internal static class LatencyClock
{
    private static readonly double s_nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    /// <summary>Stopwatch ticks as nanoseconds (identity where the timer counts nanoseconds, as on Linux).</summary>
    public static long ToNanoseconds(long ticks) =>
        Stopwatch.Frequency == 1_000_000_000 ? ticks : (long)(ticks * s_nanosecondsPerTick);

    /// <summary>Nanoseconds as Stopwatch ticks, rounded up.</summary>
    public static long ToTicks(long nanoseconds) =>
        Stopwatch.Frequency == 1_000_000_000 ? nanoseconds : (long)Math.Ceiling(nanoseconds / s_nanosecondsPerTick);

    /// <summary>Spins (no yield, no sleep) until <paramref name="ticks"/> have passed since <paramref name="from"/>.</summary>
    public static void SpinUntil(long from, long ticks)
    {
        while (Stopwatch.GetTimestamp() - from < ticks)
        {
            Thread.SpinWait(1);
        }
    }
}
