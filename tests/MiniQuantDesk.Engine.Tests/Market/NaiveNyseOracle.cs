using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Engine.Tests.Market;

/// <summary>
/// The NYSE's rules written a second time, as plainly as possible and with no code shared with the calendar: days
/// are found by walking the month, Easter by a different computus (Oudin's). The calendar must agree with it on
/// every day it covers. The special days are the same list (there is no second source for those in code).
/// </summary>
internal static class NaiveNyseOracle
{
    /// <summary>Closed (weekend, holiday or special closure), or the New York closing hour and minute.</summary>
    public static (bool Open, TimeOnly OpenTime, TimeOnly CloseTime) SessionOn(DateOnly date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsHoliday(date))
        {
            return (false, default, default);
        }

        foreach (SpecialClosure closure in NyseSpecialDays.Closures)
        {
            if (closure.Date == date)
            {
                return (false, default, default);
            }
        }

        foreach (SpecialSession session in NyseSpecialDays.Sessions)
        {
            if (session.Date == date)
            {
                return (true, session.Open, session.Close);
            }
        }

        TimeOnly early = date.Year < 1993 ? new TimeOnly(14, 0) : new TimeOnly(13, 0);
        return (true, new TimeOnly(9, 30), IsRuleEarlyClose(date) ? early : new TimeOnly(16, 0));
    }

    public static bool IsHoliday(DateOnly date)
    {
        int year = date.Year;
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek == DayOfWeek.Sunday ? date == newYear.AddDays(1) : date == newYear)
        {
            return true;
        }

        if (year >= 1998 && date == NthWeekday(year, 1, DayOfWeek.Monday, 3))
        {
            return true;
        }

        if (date == NthWeekday(year, 2, DayOfWeek.Monday, 3) || date == Easter(year).AddDays(-2) || date == LastMondayOfMay(year))
        {
            return true;
        }

        if ((year >= 2022 && date == Observed(new DateOnly(year, 6, 19))) || date == Observed(new DateOnly(year, 7, 4)))
        {
            return true;
        }

        return date == NthWeekday(year, 9, DayOfWeek.Monday, 1)
            || date == NthWeekday(year, 11, DayOfWeek.Thursday, 4)
            || date == Observed(new DateOnly(year, 12, 25));
    }

    public static bool IsRuleEarlyClose(DateOnly date)
    {
        int year = date.Year;
        DayOfWeek weekday = date.DayOfWeek;
        if (date.Month == 7 && date.Day == 3)
        {
            return (year >= 1995 && weekday is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday)
                || (year >= 2013 && weekday == DayOfWeek.Wednesday);
        }

        if (date.Month == 7 && date.Day == 5)
        {
            return year is >= 1995 and <= 2012 && weekday == DayOfWeek.Friday;
        }

        if (date.Month == 12 && date.Day == 24)
        {
            return weekday is not (DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday);
        }

        return year >= 1992 && date == NthWeekday(year, 11, DayOfWeek.Thursday, 4).AddDays(1);
    }

    /// <summary>Oudin's algorithm (1940), as given in Claus Tøndering's calendar FAQ.</summary>
    public static DateOnly Easter(int year)
    {
        int g = year % 19;
        int c = year / 100;
        int h = (c - (c / 4) - (((8 * c) + 13) / 25) + (19 * g) + 15) % 30;
        int i = h - ((h / 28) * (1 - ((29 / (h + 1)) * ((21 - g) / 11))));
        int j = (year + (year / 4) + i + 2 - c + (c / 4)) % 7;
        int l = i - j;
        int month = 3 + ((l + 40) / 44);
        int day = l + 28 - (31 * (month / 4));
        return new DateOnly(year, month, day);
    }

    private static DateOnly Observed(DateOnly date) =>
        date.DayOfWeek == DayOfWeek.Saturday ? date.AddDays(-1) : date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(1) : date;

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        int seen = 0;
        for (var day = new DateOnly(year, month, 1); ; day = day.AddDays(1))
        {
            if (day.DayOfWeek == weekday && ++seen == n)
            {
                return day;
            }
        }
    }

    private static DateOnly LastMondayOfMay(int year)
    {
        DateOnly last = default;
        for (var day = new DateOnly(year, 5, 1); day.Month == 5; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Monday)
            {
                last = day;
            }
        }

        return last;
    }
}
