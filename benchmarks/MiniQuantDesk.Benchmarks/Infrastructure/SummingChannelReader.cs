using System.Threading.Channels;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>
/// The channel side of a comparison: an idiomatic asynchronous reader (<c>WaitToReadAsync</c>, then
/// <c>TryRead</c> until empty) that sums every item, optionally forwards it to a next channel (a pipeline stage),
/// and publishes how many items it has handled after each drained batch, as the ring's processors publish their
/// sequence after each batch.
/// </summary>
public sealed class SummingChannelReader
{
    private readonly ChannelReader<long> _source;
    private readonly ChannelWriter<long>? _next;
    private long _handled;

    /// <summary>Starts reading <paramref name="source"/> on the thread pool.</summary>
    /// <param name="source">The channel to read until it completes.</param>
    /// <param name="next">When given, every item is written on to it (and it is completed when the source is).</param>
    public SummingChannelReader(ChannelReader<long> source, ChannelWriter<long>? next = null)
    {
        _source = source;
        _next = next;
        Completion = Task.Run(ReadAllAsync);
    }

    /// <summary>Completes when the source channel completed and every item was read.</summary>
    public Task Completion { get; }

    /// <summary>The items handled so far, as of the last drained batch. Volatile read.</summary>
    public long Handled => Volatile.Read(ref _handled);

    /// <summary>The sum of every item read. Read it only after <see cref="Completion"/>.</summary>
    public long Sum { get; private set; }

    /// <summary>Waits until this reader finished (its source channel must have been completed).</summary>
    public void WaitUntilCompleted(TimeSpan timeout)
    {
        if (!Completion.Wait(timeout))
        {
            throw new TimeoutException($"A channel reader did not finish within {timeout.TotalSeconds} s of its channel completing.");
        }
    }

    private async Task ReadAllAsync()
    {
        long sum = 0;
        long handled = 0;
        ChannelReader<long> source = _source;
        ChannelWriter<long>? next = _next;
        while (await source.WaitToReadAsync().ConfigureAwait(false))
        {
            while (source.TryRead(out long item))
            {
                sum += item;
                handled++;
                if (next is not null && !next.TryWrite(item))
                {
                    await next.WriteAsync(item).ConfigureAwait(false);
                }
            }

            Volatile.Write(ref _handled, handled);
        }

        Sum = sum;
        next?.Complete();
    }
}
