using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

/// <summary>Event times from New York wall-clock times, for readable tests.</summary>
internal static class NewYork
{
    /// <summary>Event time of a New York wall-clock time in daylight saving (UTC−4) or not (UTC−5), as given.</summary>
    public static long At(int year, int month, int day, int hour, int minute, int utcOffsetHours) =>
        EventTime.FromDateTimeOffset(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(utcOffsetHours)));

    /// <summary>The 16:00 close of a winter day (UTC−5).</summary>
    public static long WinterClose(int year, int month, int day) => At(year, month, day, 16, 0, -5);
}
