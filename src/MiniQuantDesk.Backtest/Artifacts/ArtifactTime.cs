using NodaTime;
using NodaTime.Text;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>Times as artifacts show them: ISO-8601 in New York time with its offset, e.g.
/// <c>1990-07-18T09:30:00-04:00</c>, so that a reader sees the exchange's clock and the exact instant at once.</summary>
public static class ArtifactTime
{
    // The fraction is written only when it is not zero ("FFFFFFF" drops the point with the digits).
    private static readonly ZonedDateTimePattern s_pattern = ZonedDateTimePattern.CreateWithInvariantCulture(
        "uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFo<+HH:mm>",
        DateTimeZoneProviders.Tzdb);

    private static readonly Lazy<DateTimeZone> s_newYork = new(() => DateTimeZoneProviders.Tzdb["America/New_York"]);

    /// <summary>The ISO-8601 New York text of an event time (truncated to 100 ns).</summary>
    public static string Format(long eventTimeNs) => s_pattern.Format(InNewYork(eventTimeNs));

    /// <summary>The New York calendar date of an event time.</summary>
    public static DateOnly NewYorkDate(long eventTimeNs)
    {
        LocalDate date = InNewYork(eventTimeNs).Date;
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>Calendar days from the New York date of <paramref name="fromNs"/> to that of <paramref name="toNs"/>.</summary>
    public static int CalendarDaysBetween(long fromNs, long toNs) =>
        NewYorkDate(toNs).DayNumber - NewYorkDate(fromNs).DayNumber;

    private static ZonedDateTime InNewYork(long eventTimeNs) =>
        Instant.FromUnixTimeTicks(eventTimeNs / 100).InZone(s_newYork.Value);
}
