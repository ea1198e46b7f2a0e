namespace MiniQuantDesk.Journal.Writing;

/// <summary>The engine's event time (UTC nanoseconds) as a <c>timestamptz</c> value. PostgreSQL keeps
/// microseconds, so the nanoseconds below them are dropped (the payloads keep the exact nanoseconds).</summary>
public static class EventTimestamp
{
    private const long NanosecondsPerTick = 100;

    /// <summary>The UTC instant of <paramref name="eventTimeNs"/>. Every long fits: nanoseconds since 1970 span the
    /// years 1677 to 2262, well inside what a <see cref="DateTime"/> holds.</summary>
    public static DateTime Of(long eventTimeNs) => DateTime.UnixEpoch.AddTicks(eventTimeNs / NanosecondsPerTick);
}
