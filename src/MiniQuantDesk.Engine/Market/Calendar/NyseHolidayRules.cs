namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>
/// The NYSE's holidays computed by rule for one year, as observed: a holiday that falls on a Saturday is observed
/// on the Friday before and one on a Sunday on the Monday after (NYSE Rule 7.2), except New Year's Day, which is
/// not moved to a Friday because that Friday closes the accounting year. The rules hold from 1990 (the first year
/// the calendar supports) on; their start dates (Martin Luther King Jr. Day 1998, Juneteenth 2022) are the years the
/// exchange first closed for them.
/// </summary>
public static class NyseHolidayRules
{
    /// <summary>The first year the NYSE closed for Martin Luther King Jr. Day.</summary>
    public const int MartinLutherKingJrDayFirstYear = 1998;

    /// <summary>The first year the NYSE closed for Juneteenth (June 19, 2022 was a Sunday: closed Monday June 20).</summary>
    public const int JuneteenthFirstYear = 2022;

    /// <summary>Every holiday observed in <paramref name="year"/>, in date order. Dates are in that year, except
    /// none: New Year's Day is never moved into the year before.</summary>
    public static IReadOnlyList<(DateOnly Date, NyseHoliday Holiday)> ObservedIn(int year)
    {
        var holidays = new List<(DateOnly, NyseHoliday)>(11);
        Add(holidays, NewYearsDay(year), NyseHoliday.NewYearsDay);
        Add(holidays, MartinLutherKingJrDay(year), NyseHoliday.MartinLutherKingJrDay);
        Add(holidays, WashingtonsBirthday(year), NyseHoliday.WashingtonsBirthday);
        Add(holidays, GoodFriday(year), NyseHoliday.GoodFriday);
        Add(holidays, MemorialDay(year), NyseHoliday.MemorialDay);
        Add(holidays, Juneteenth(year), NyseHoliday.Juneteenth);
        Add(holidays, IndependenceDay(year), NyseHoliday.IndependenceDay);
        Add(holidays, LaborDay(year), NyseHoliday.LaborDay);
        Add(holidays, Thanksgiving(year), NyseHoliday.Thanksgiving);
        Add(holidays, Christmas(year), NyseHoliday.Christmas);
        holidays.Sort((x, y) => x.Item1.CompareTo(y.Item1));
        return holidays;
    }

    /// <summary>January 1, or Monday January 2 when the 1st is a Sunday; null when the 1st is a Saturday (the
    /// exchange does not close on Friday December 31, the last day of the accounting year: 1993, 1999, 2004, 2010,
    /// 2021 all traded).</summary>
    public static DateOnly? NewYearsDay(int year)
    {
        var first = new DateOnly(year, 1, 1);
        return first.DayOfWeek switch
        {
            DayOfWeek.Saturday => null,
            DayOfWeek.Sunday => first.AddDays(1),
            _ => first,
        };
    }

    /// <summary>The third Monday of January, from 1998; null before.</summary>
    public static DateOnly? MartinLutherKingJrDay(int year) =>
        year >= MartinLutherKingJrDayFirstYear ? NthWeekdayOfMonth(year, 1, DayOfWeek.Monday, 3) : null;

    /// <summary>The third Monday of February.</summary>
    public static DateOnly WashingtonsBirthday(int year) => NthWeekdayOfMonth(year, 2, DayOfWeek.Monday, 3);

    /// <summary>Two days before Easter Sunday.</summary>
    public static DateOnly GoodFriday(int year) => EasterComputus.EasterSunday(year).AddDays(-2);

    /// <summary>The last Monday of May.</summary>
    public static DateOnly MemorialDay(int year) => LastWeekdayOfMonth(year, 5, DayOfWeek.Monday);

    /// <summary>June 19 moved off a weekend, from 2022; null before.</summary>
    public static DateOnly? Juneteenth(int year) =>
        year >= JuneteenthFirstYear ? MovedOffWeekend(new DateOnly(year, 6, 19)) : null;

    /// <summary>July 4 moved off a weekend.</summary>
    public static DateOnly IndependenceDay(int year) => MovedOffWeekend(new DateOnly(year, 7, 4));

    /// <summary>The first Monday of September.</summary>
    public static DateOnly LaborDay(int year) => NthWeekdayOfMonth(year, 9, DayOfWeek.Monday, 1);

    /// <summary>The fourth Thursday of November.</summary>
    public static DateOnly Thanksgiving(int year) => NthWeekdayOfMonth(year, 11, DayOfWeek.Thursday, 4);

    /// <summary>December 25 moved off a weekend.</summary>
    public static DateOnly Christmas(int year) => MovedOffWeekend(new DateOnly(year, 12, 25));

    /// <summary>The holiday's name, for people: <c>Good Friday</c>.</summary>
    public static string NameOf(NyseHoliday holiday) => holiday switch
    {
        NyseHoliday.NewYearsDay => "New Year's Day",
        NyseHoliday.MartinLutherKingJrDay => "Martin Luther King Jr. Day",
        NyseHoliday.WashingtonsBirthday => "Washington's Birthday",
        NyseHoliday.GoodFriday => "Good Friday",
        NyseHoliday.MemorialDay => "Memorial Day",
        NyseHoliday.Juneteenth => "Juneteenth National Independence Day",
        NyseHoliday.IndependenceDay => "Independence Day",
        NyseHoliday.LaborDay => "Labor Day",
        NyseHoliday.Thanksgiving => "Thanksgiving Day",
        NyseHoliday.Christmas => "Christmas Day",
        _ => "no holiday",
    };

    /// <summary>Saturday → the Friday before, Sunday → the Monday after, any other day unchanged.</summary>
    public static DateOnly MovedOffWeekend(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    /// <summary>The <paramref name="n"/>th <paramref name="weekday"/> of a month (n from 1).</summary>
    public static DateOnly NthWeekdayOfMonth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        int toWeekday = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toWeekday + (7 * (n - 1)));
    }

    /// <summary>The last <paramref name="weekday"/> of a month.</summary>
    public static DateOnly LastWeekdayOfMonth(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int back = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-back);
    }

    private static void Add(List<(DateOnly, NyseHoliday)> holidays, DateOnly? date, NyseHoliday holiday)
    {
        if (date is { } observed)
        {
            holidays.Add((observed, holiday));
        }
    }
}
