namespace MiniQuantDesk.Journal.Writing;

/// <summary>The engine's event time (UTC nanoseconds) as a <c>timestamptz</c> value. PostgreSQL keeps
/// microseconds, so the nanoseconds below them are dropped (the payloads keep the exact nanoseconds).</summary>
public static class EventTimestamp
{
    private const long NanosecondsPerTick = 100;

    /// <summary>The UTC instant of <paramref name="eventTimeNs"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time lies outside what a <see cref="DateTime"/> holds.</exception>
    public static DateTime Of(long eventTimeNs)
    {
        long ticks = eventTimeNs / NanosecondsPerTick;
        if (ticks > DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks || ticks < -DateTime.UnixEpoch.Ticks)
        {
            throw new ArgumentOutOfRangeException(nameof(eventTimeNs), eventTimeNs, "The event time lies outside the years 0001 to 9999.");
        }

        return DateTime.UnixEpoch.AddTicks(ticks);
    }
}
