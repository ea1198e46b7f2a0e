namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>
/// The NYSE's early closes that follow a rule, for one year, as they applied historically (from 1990 on):
/// <list type="bullet">
/// <item>the day before Independence Day: July 3 on a Monday, Tuesday or Thursday from 1995; on a Wednesday only
/// from 2013 (2013-07-03 was the first); from 1996 to 2012, when July 4 was a Thursday, the early close was the
/// Friday after instead (1996-07-05, 2002-07-05). Before 1995 the day before Independence Day was a full session
/// (1990-07-03). When July 3 is a Friday it is the observed holiday itself.</item>
/// <item>the day after Thanksgiving: from 1992 (1990 and 1991 were full sessions).</item>
/// <item>Christmas Eve, December 24 on a Monday to Thursday (on a Friday it is the observed Christmas holiday).</item>
/// </list>
/// The early close is 13:00 New York from 1993 and was 14:00 before (1990–1992 Christmas Eves, 1992's day after
/// Thanksgiving). Early closes announced for one year only (1997-12-26, 2003-12-26) are in <see cref="NyseSpecialDays"/>.
/// Source: the NYSE's published history of closings and early closes, as compiled by the pandas_market_calendars and
/// exchange_calendars projects, checked against the exchange's published calendars for recent years.
/// </summary>
public static class NyseEarlyCloseRules
{
    /// <summary>The first year July 3 (on a Monday, Tuesday or Thursday) closed early.</summary>
    public const int IndependenceDayEveFirstYear = 1995;

    /// <summary>The first year July 3 on a Wednesday closed early (and the Friday after July 4 stopped doing so).</summary>
    public const int WednesdayIndependenceDayEveFirstYear = 2013;

    /// <summary>The first year the day after Thanksgiving closed early.</summary>
    public const int DayAfterThanksgivingFirstYear = 1992;

    /// <summary>The first year the early close was 13:00 (it was 14:00 before).</summary>
    public const int OnePmCloseFirstYear = 1993;

    /// <summary>Every early close by rule in <paramref name="year"/>, in date order, with its New York closing time.</summary>
    public static IReadOnlyList<(DateOnly Date, TimeOnly Close, string Why)> In(int year)
    {
        var closes = new List<(DateOnly, TimeOnly, string)>(3);
        TimeOnly close = CloseTime(year);
        if (IndependenceDayEve(year) is { } eve)
        {
            closes.Add((eve, close, "day before Independence Day"));
        }

        if (FridayAfterIndependenceDay(year) is { } friday)
        {
            closes.Add((friday, close, "Friday after Independence Day"));
        }

        if (DayAfterThanksgiving(year) is { } blackFriday)
        {
            closes.Add((blackFriday, close, "day after Thanksgiving"));
        }

        if (ChristmasEve(year) is { } christmasEve)
        {
            closes.Add((christmasEve, close, "Christmas Eve"));
        }

        return closes;
    }

    /// <summary>The early closing time of <paramref name="year"/>: 13:00 from 1993, 14:00 before.</summary>
    public static TimeOnly CloseTime(int year) => year >= OnePmCloseFirstYear ? new TimeOnly(13, 0) : new TimeOnly(14, 0);

    /// <summary>July 3 when it is a Monday, Tuesday or Thursday (from 1995) or a Wednesday (from 2013); else null.</summary>
    public static DateOnly? IndependenceDayEve(int year)
    {
        var eve = new DateOnly(year, 7, 3);
        bool applies = eve.DayOfWeek switch
        {
            DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday => year >= IndependenceDayEveFirstYear,
            DayOfWeek.Wednesday => year >= WednesdayIndependenceDayEveFirstYear,
            _ => false,
        };
        return applies ? eve : null;
    }

    /// <summary>July 5 when it is a Friday, from 1995 to 2012 (the years before the Wednesday rule); else null.</summary>
    public static DateOnly? FridayAfterIndependenceDay(int year)
    {
        var friday = new DateOnly(year, 7, 5);
        return friday.DayOfWeek == DayOfWeek.Friday && year >= IndependenceDayEveFirstYear && year < WednesdayIndependenceDayEveFirstYear
            ? friday
            : null;
    }

    /// <summary>The Friday after Thanksgiving, from 1992; else null.</summary>
    public static DateOnly? DayAfterThanksgiving(int year) =>
        year >= DayAfterThanksgivingFirstYear ? NyseHolidayRules.Thanksgiving(year).AddDays(1) : null;

    /// <summary>December 24 when it is a Monday to Thursday; else null (Friday: it is the observed holiday).</summary>
    public static DateOnly? ChristmasEve(int year)
    {
        var eve = new DateOnly(year, 12, 24);
        return eve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday ? eve : null;
    }
}
