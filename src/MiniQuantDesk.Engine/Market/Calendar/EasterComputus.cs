namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>The date of Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm (Meeus /
/// Jones / Butcher). Good Friday, an NYSE holiday, is two days before; no table of dates can run out.</summary>
public static class EasterComputus
{
    /// <summary>Easter Sunday of <paramref name="year"/> (valid for every Gregorian year, 1583 on).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is before the Gregorian reform.</exception>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        int a = year % 19;                      // position in the 19-year lunar (Metonic) cycle
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;                // lunar correction
        int h = ((19 * a) + b - d - g + 15) % 30; // epact: age of the moon
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7; // days to the Sunday after the full moon
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
