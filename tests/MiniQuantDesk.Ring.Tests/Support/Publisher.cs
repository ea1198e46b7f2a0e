using System.Globalization;

namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>Publishes <see cref="TestEvent"/>s the way a producer does: claim, write every field, publish.</summary>
internal static class Publisher
{
    /// <summary>
    /// Publishes <paramref name="count"/> events from producer <paramref name="producerId"/>, with counters
    /// <paramref name="firstCounter"/> upwards, claiming <paramref name="batchSize"/> slots at a time
    /// (<c>Next()</c>/<c>Publish(sequence)</c> when it is 1, <c>Next(n)</c>/<c>Publish(low, high)</c> otherwise).
    /// Allocates nothing.
    /// </summary>
    public static void Publish(ValueRingBuffer<TestEvent> ring, int producerId, long count, int batchSize = 1, long firstCounter = 0)
    {
        ArgumentNullException.ThrowIfNull(ring);
        long counter = firstCounter;
        long end = firstCounter + count;
        if (batchSize == 1)
        {
            while (counter < end)
            {
                long sequence = ring.Next();
                ring[sequence].Write(producerId, counter++);
                ring.Publish(sequence);
            }

            return;
        }

        while (counter < end)
        {
            int n = (int)Math.Min(batchSize, end - counter);
            long high = ring.Next(n);
            long low = high - n + 1;
            for (long sequence = low; sequence <= high; sequence++)
            {
                ring[sequence].Write(producerId, counter++);
            }

            ring.Publish(low, high);
        }
    }

    /// <summary>
    /// Publishes from <paramref name="producers"/> threads at once, producer <c>i</c> with id <c>i</c>, each
    /// <paramref name="eventsPerProducer"/> events, and joins them. Rethrows what a producer threw; throws
    /// <see cref="TimeoutException"/> when a producer does not finish in time (the caller should then halt the
    /// ring, which releases a producer waiting for capacity).
    /// </summary>
    public static void PublishFromThreads(ValueRingBuffer<TestEvent> ring, int producers, long eventsPerProducer, int batchSize)
    {
        BackgroundCall[] calls = [.. Enumerable.Range(0, producers).Select(id => BackgroundCall.Start(
            () => Publish(ring, id, eventsPerProducer, batchSize),
            string.Create(CultureInfo.InvariantCulture, $"producer-{id}")))];
        foreach (BackgroundCall call in calls)
        {
            call.JoinAndRethrow(call.Name);
        }
    }
}
