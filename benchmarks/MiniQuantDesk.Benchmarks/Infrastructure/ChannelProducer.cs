using System.Threading.Channels;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>How a synchronous producer writes to a bounded channel: <c>TryWrite</c>, and when the channel is
/// full, blocks on <c>WaitToWriteAsync</c> (the channel's own back-pressure) and tries again.</summary>
public static class ChannelProducer
{
    /// <summary>Writes <paramref name="item"/>, waiting while the channel is full.</summary>
    public static void Write(ChannelWriter<long> writer, long item)
    {
        if (!writer.TryWrite(item))
        {
            WriteWhenFull(writer, item);
        }
    }

    /// <summary>Creates a bounded channel of <paramref name="capacity"/> whose writer waits when full.</summary>
    public static Channel<long> CreateBounded(int capacity, bool singleWriter) =>
        Channel.CreateBounded<long>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = singleWriter,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });

    private static void WriteWhenFull(ChannelWriter<long> writer, long item)
    {
        while (!writer.TryWrite(item))
        {
            ValueTask<bool> wait = writer.WaitToWriteAsync();
            bool open = wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
            if (!open)
            {
                throw new InvalidOperationException("The channel was completed while a benchmark producer was still writing to it.");
            }
        }
    }
}
