using System.Globalization;

namespace MiniQuantDesk.Engine.Time;

/// <summary>
/// Event time is UTC nanoseconds since the Unix epoch, in a <see cref="long"/> (good until the year 2262). The core
/// takes time only from events; this class converts, it never reads a clock.
/// </summary>
public static class EventTime
{
    /// <summary>Nanoseconds in a second.</summary>
    public const long NanosPerSecond = 1_000_000_000;

    /// <summary>Nanoseconds in a minute.</summary>
    public const long NanosPerMinute = 60 * NanosPerSecond;

    /// <summary>Nanoseconds in an hour.</summary>
    public const long NanosPerHour = 60 * NanosPerMinute;

    /// <summary>Nanoseconds in a day.</summary>
    public const long NanosPerDay = 24 * NanosPerHour;

    /// <summary>The event time of a UTC instant.</summary>
    public static long FromDateTimeOffset(DateTimeOffset instant) =>
        checked((instant.UtcTicks - DateTime.UnixEpoch.Ticks) * 100);

    /// <summary>The UTC instant of an event time (truncated to 100 ns).</summary>
    public static DateTimeOffset ToDateTimeOffset(long eventTimeNs) =>
        new(DateTime.UnixEpoch.Ticks + (eventTimeNs / 100), TimeSpan.Zero);

    /// <summary>ISO-8601 UTC text, e.g. <c>2024-03-05T15:41:00Z</c>.</summary>
    public static string Format(long eventTimeNs) =>
        ToDateTimeOffset(eventTimeNs).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
