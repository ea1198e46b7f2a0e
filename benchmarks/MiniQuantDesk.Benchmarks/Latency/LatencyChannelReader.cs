using System.Diagnostics;
using System.Threading.Channels;
using MiniQuantDesk.Ring.Diagnostics;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>
/// The channel baseline's consumer: an idiomatic asynchronous reader that records, for every item from
/// <c>firstMeasured</c> on, the time from the timestamp the item carries to the moment it was read.
/// </summary>
internal sealed class LatencyChannelReader
{
    private readonly ChannelReader<long> _source;
    private readonly long _firstMeasured;
    private long _handled;

    /// <summary>Starts reading <paramref name="source"/> on the thread pool.</summary>
    public LatencyChannelReader(ChannelReader<long> source, long firstMeasured)
    {
        _source = source;
        _firstMeasured = firstMeasured;
        Completion = Task.Run(ReadAllAsync);
    }

    /// <summary>The recorded latencies. Read it only after <see cref="Completion"/>.</summary>
    public LatencyHistogram Histogram { get; } = new();

    /// <summary>Completes when the channel completed and every item was read.</summary>
    public Task Completion { get; }

    /// <summary>Items read so far. Volatile read.</summary>
    public long Handled => Volatile.Read(ref _handled);

    private async Task ReadAllAsync()
    {
        long handled = 0;
        while (await _source.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_source.TryRead(out long publishedTimestamp))
            {
                long now = Stopwatch.GetTimestamp();
                if (handled >= _firstMeasured)
                {
                    Histogram.Record(LatencyClock.ToNanoseconds(now - publishedTimestamp));
                }

                Volatile.Write(ref _handled, ++handled);
            }
        }
    }
}
