using NodaTime;

namespace MiniQuantDesk.Engine.Tests.Market;

/// <summary>New York wall-clock times as event time, computed independently of the calendar under test (straight
/// from NodaTime), so that tests state times the way people do: <c>NewYork.At(2024, 3, 5, 10, 41)</c>.</summary>
internal static class NewYork
{
    private static readonly DateTimeZone s_zone = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static long At(int year, int month, int day, int hour, int minute) =>
        At(new DateOnly(year, month, day), hour, minute);

    public static long At(DateOnly date, int hour, int minute) =>
        s_zone.AtStrictly(LocalDate.FromDateOnly(date).At(new LocalTime(hour, minute))).ToInstant().ToUnixTimeTicks() * 100;

    public static long Hours(double hours) => (long)(hours * 3_600_000_000_000);
}
