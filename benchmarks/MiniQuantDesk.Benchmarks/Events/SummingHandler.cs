using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Benchmarks.Events;

/// <summary>
/// A trivial consumer that the JIT cannot optimise away: it sums every event's payload into a field and counts
/// the events, so a benchmark can check after the run that nothing was lost. Allocates nothing.
/// </summary>
internal sealed class SummingHandler : IValueEventHandler<LongEvent>
{
    /// <summary>The sum of every payload handled. Read it only after the processor stopped.</summary>
    public long Sum { get; private set; }

    /// <summary>How many events were handled. Read it only after the processor stopped.</summary>
    public long Count { get; private set; }

    /// <inheritdoc/>
    public void OnEvent(ref LongEvent data, long sequence, bool endOfBatch)
    {
        Sum += data.Value;
        Count++;
    }
}
