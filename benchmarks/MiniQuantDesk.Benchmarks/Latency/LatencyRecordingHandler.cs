using System.Diagnostics;
using MiniQuantDesk.Ring.Diagnostics;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>
/// Records, for every event from <paramref name="firstMeasured"/> on, the time from the producer's timestamp to
/// the moment the handler sees the event, in nanoseconds. Allocates nothing per event.
/// </summary>
/// <param name="firstMeasured">The first sequence to record; earlier ones are warm-up.</param>
internal sealed class LatencyRecordingHandler(long firstMeasured) : IValueEventHandler<LatencyEvent>
{
    /// <summary>The recorded one-way latencies. Read it only after the processor stopped.</summary>
    public LatencyHistogram Histogram { get; } = new();

    /// <inheritdoc/>
    public void OnEvent(ref LatencyEvent data, long sequence, bool endOfBatch)
    {
        long now = Stopwatch.GetTimestamp();
        if (sequence >= firstMeasured)
        {
            Histogram.Record(LatencyClock.ToNanoseconds(now - data.PublishedTimestamp));
        }
    }
}
