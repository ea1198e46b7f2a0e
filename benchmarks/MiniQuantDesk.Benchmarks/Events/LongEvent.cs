namespace MiniQuantDesk.Benchmarks.Events;

/// <summary>The smallest useful ring event: one 64-bit payload (a value to sum, or a publish timestamp).</summary>
internal struct LongEvent
{
    /// <summary>The payload the producer writes and the handlers read.</summary>
    public long Value;
}
