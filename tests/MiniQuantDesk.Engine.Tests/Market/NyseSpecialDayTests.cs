using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Engine.Tests.Market;

/// <summary>Closures and changed sessions that no rule predicts.</summary>
public sealed class NyseSpecialDayTests
{
    private static readonly NyseCalendar s_calendar = NyseCalendar.Default;

    [Theory]
    [InlineData("1994-04-27", "Richard Nixon")]
    [InlineData("2001-09-11", "September 11")]
    [InlineData("2001-09-12", "September 11")]
    [InlineData("2001-09-13", "September 11")]
    [InlineData("2001-09-14", "September 11")]
    [InlineData("2004-06-11", "Ronald Reagan")]
    [InlineData("2007-01-02", "Gerald Ford")]
    [InlineData("2012-10-29", "Hurricane Sandy")]
    [InlineData("2012-10-30", "Hurricane Sandy")]
    [InlineData("2018-12-05", "George H. W. Bush")]
    [InlineData("2025-01-09", "Jimmy Carter")]
    public void Special_closures_have_no_session_and_say_why(string date, string why)
    {
        DateOnly day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(MarketDayKind.SpecialClosure, s_calendar.KindOf(day));
        Assert.False(s_calendar.IsTradingDay(day));
        Assert.Contains(why, s_calendar.Describe(day), StringComparison.Ordinal);
    }

    [Fact]
    public void The_market_reopened_on_the_Monday_after_September_11()
    {
        Assert.Equal(new DateOnly(2001, 9, 17), s_calendar.NextTradingDay(new DateOnly(2001, 9, 10)));
        Assert.Equal(NewYork.At(2001, 9, 17, 9, 33), s_calendar.SessionOpenNs(new DateOnly(2001, 9, 17)));
    }

    [Fact]
    public void A_late_open_shortens_the_session_from_the_front()
    {
        var day = new DateOnly(2002, 9, 11);

        Assert.Equal(MarketDayKind.SpecialSession, s_calendar.KindOf(day));
        Assert.False(s_calendar.IsEarlyClose(day));
        Assert.Equal(NewYork.At(day, 12, 0), s_calendar.SessionOpenNs(day));
        Assert.Equal(NewYork.At(day, 16, 0), s_calendar.SessionCloseNs(day));
    }

    [Fact]
    public void An_emergency_close_is_an_early_close_at_its_own_time()
    {
        var day = new DateOnly(1997, 10, 27);

        Assert.True(s_calendar.IsEarlyClose(day));
        Assert.Equal(NewYork.At(day, 15, 30), s_calendar.SessionCloseNs(day));
    }

    [Fact]
    public void Every_listed_special_day_is_a_weekday_that_no_rule_already_closes()
    {
        foreach (SpecialClosure closure in NyseSpecialDays.Closures)
        {
            Assert.Equal(MarketDayKind.SpecialClosure, s_calendar.KindOf(closure.Date));
        }

        foreach (SpecialSession session in NyseSpecialDays.Sessions)
        {
            Assert.True(s_calendar.IsTradingDay(session.Date));
            Assert.Equal(NewYork.At(session.Date, session.Open.Hour, session.Open.Minute), s_calendar.SessionOpenNs(session.Date));
            Assert.Equal(NewYork.At(session.Date, session.Close.Hour, session.Close.Minute), s_calendar.SessionCloseNs(session.Date));
        }
    }
}
