using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Engine.Tests.Market;

/// <summary>Early closes: by rule where the rule applied, not where it did not yet (or no longer) apply.</summary>
public sealed class NyseEarlyCloseTests
{
    private static readonly NyseCalendar s_calendar = NyseCalendar.Default;

    [Theory]
    [InlineData("2013-07-03")] // Wednesday: the first year a Wednesday July 3 closed early
    [InlineData("2019-07-03")] // Wednesday
    [InlineData("2023-07-03")] // Monday
    [InlineData("2018-07-03")] // Tuesday
    [InlineData("2025-07-03")] // Thursday
    [InlineData("1995-07-03")] // Monday: the first year of the rule
    [InlineData("2019-12-24")] // Christmas Eve, Tuesday
    [InlineData("2024-12-24")] // Christmas Eve, Tuesday
    [InlineData("1996-12-24")] // Christmas Eve, Tuesday
    [InlineData("2020-11-27")] // the day after Thanksgiving
    [InlineData("1993-11-26")] // the day after Thanksgiving, first year at 13:00
    [InlineData("1997-12-26")] // announced for that year: the day after Christmas
    [InlineData("2003-12-26")] // announced for that year: the day after Christmas
    public void Early_closes_end_the_session_at_one_pm_New_York(string date)
    {
        DateOnly day = Day(date);

        Assert.True(s_calendar.IsEarlyClose(day));
        Assert.Equal(MarketDayKind.EarlyClose, s_calendar.KindOf(day));
        Assert.Equal(NewYork.At(day, 9, 30), s_calendar.SessionOpenNs(day));
        Assert.Equal(NewYork.At(day, 13, 0), s_calendar.SessionCloseNs(day));
    }

    [Theory]
    [InlineData("1990-12-24")]
    [InlineData("1991-12-24")]
    [InlineData("1992-12-24")]
    [InlineData("1992-11-27")]
    public void Before_1993_early_closes_were_at_two_pm(string date)
    {
        DateOnly day = Day(date);

        Assert.True(s_calendar.IsEarlyClose(day));
        Assert.Equal(NewYork.At(day, 14, 0), s_calendar.SessionCloseNs(day));
    }

    [Theory]
    [InlineData("1996-07-05")]
    [InlineData("2002-07-05")]
    public void From_1996_to_2012_a_Friday_after_a_Thursday_Independence_Day_closed_early(string date)
    {
        Assert.Equal(NewYork.At(Day(date), 13, 0), s_calendar.SessionCloseNs(Day(date)));
    }

    [Theory]
    [InlineData("2002-07-03")] // Wednesday before 2013: full day (the Friday after closed early instead)
    [InlineData("2019-07-05")] // Friday after a Thursday July 4 since 2013: full day
    [InlineData("2024-07-05")]
    [InlineData("1990-07-03")] // Tuesday before 1995: full day
    [InlineData("1994-07-01")] // Friday before a Monday July 4: never an early close
    [InlineData("1990-11-23")] // the day after Thanksgiving before 1992: full day
    [InlineData("1991-11-29")]
    [InlineData("2008-12-26")] // the day after a Thursday Christmas: full day except 1997 and 2003
    [InlineData("2014-12-26")]
    [InlineData("2022-12-23")] // the Friday before a Sunday Christmas: full day
    [InlineData("2023-12-22")] // the Friday before a Monday Christmas: full day
    [InlineData("1999-12-31")] // disputed in the sources; the exchange's own list has no early close
    public void Days_the_early_close_rule_did_not_cover_are_full_sessions(string date)
    {
        DateOnly day = Day(date);

        Assert.Equal(MarketDayKind.RegularSession, s_calendar.KindOf(day));
        Assert.False(s_calendar.IsEarlyClose(day));
        Assert.Equal(NewYork.At(day, 16, 0), s_calendar.SessionCloseNs(day));
    }

    [Theory]
    [InlineData("2020-07-03")] // Friday July 3: the observed Independence Day, not an early close
    [InlineData("2021-12-24")] // Friday December 24: the observed Christmas, not an early close
    public void A_day_before_a_holiday_that_is_itself_the_observed_holiday_is_closed(string date)
    {
        Assert.False(s_calendar.IsTradingDay(Day(date)));
        Assert.False(s_calendar.IsEarlyClose(Day(date)));
    }

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
