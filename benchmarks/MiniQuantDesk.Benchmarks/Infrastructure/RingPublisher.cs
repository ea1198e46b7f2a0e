using System.Runtime.CompilerServices;
using MiniQuantDesk.Benchmarks.Events;
using MiniQuantDesk.Ring;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>The two ways the throughput benchmarks publish to a ring: one claim per event, or batches.</summary>
internal static class RingPublisher
{
    /// <summary>Claims, writes and publishes <paramref name="count"/> events one at a time; returns the last sequence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long OneByOne(ValueRingBuffer<LongEvent> ring, int count)
    {
        long sequence = -1;
        for (int i = 0; i < count; i++)
        {
            sequence = ring.Next();
            ring[sequence].Value = sequence;
            ring.Publish(sequence);
        }

        return sequence;
    }

    /// <summary>Claims and publishes <paramref name="count"/> events in batches of <paramref name="batch"/>
    /// (<c>Next(n)</c>, <c>Publish(low, high)</c>); returns the last sequence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long InBatches(ValueRingBuffer<LongEvent> ring, int count, int batch)
    {
        long high = -1;
        for (int i = 0; i < count; i += batch)
        {
            high = ring.Next(batch);
            long low = high - batch + 1;
            for (long sequence = low; sequence <= high; sequence++)
            {
                ring[sequence].Value = sequence;
            }

            ring.Publish(low, high);
        }

        return high;
    }
}
