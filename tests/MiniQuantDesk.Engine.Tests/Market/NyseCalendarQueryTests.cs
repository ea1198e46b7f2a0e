using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Engine.Tests.Market;

/// <summary>What the calendar answers: session times in UTC across daylight saving, neighbours, counts, and its
/// refusal to answer outside what it knows.</summary>
public sealed class NyseCalendarQueryTests
{
    private static readonly NyseCalendar s_calendar = NyseCalendar.Default;

    [Fact]
    public void Sessions_open_at_half_past_nine_New_York_on_both_sides_of_a_daylight_saving_change()
    {
        // New York moved from UTC−5 to UTC−4 on Sunday 2024-03-10.
        Assert.Equal(Utc(2024, 3, 8, 14, 30), s_calendar.SessionOpenNs(new DateOnly(2024, 3, 8)));
        Assert.Equal(Utc(2024, 3, 8, 21, 0), s_calendar.SessionCloseNs(new DateOnly(2024, 3, 8)));
        Assert.Equal(Utc(2024, 3, 11, 13, 30), s_calendar.SessionOpenNs(new DateOnly(2024, 3, 11)));
        Assert.Equal(Utc(2024, 3, 11, 20, 0), s_calendar.SessionCloseNs(new DateOnly(2024, 3, 11)));
    }

    [Fact]
    public void Years_before_1990_are_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NyseCalendar(1989, 2000));

        Assert.Contains("starts in 1990", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_after_2200_are_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NyseCalendar(2000, 2201));

        Assert.Contains("ends in 2200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_outside_the_calendars_years_is_refused_not_guessed()
    {
        var calendar = new NyseCalendar(2000, 2001);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsTradingDay(new DateOnly(1999, 12, 31)));
        Assert.Contains("2000-01-01 to 2001-12-31", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.NextTradingDay(new DateOnly(2001, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.PreviousTradingDay(new DateOnly(2000, 1, 3)));
    }

    [Fact]
    public void A_closed_day_has_no_session_times()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_calendar.SessionOpenNs(new DateOnly(2024, 12, 25)));
        Assert.False(s_calendar.TryGetSession(new DateOnly(2024, 12, 25), out _, out _));
    }

    [Fact]
    public void The_next_and_previous_trading_days_skip_weekends_and_holidays()
    {
        Assert.Equal(new DateOnly(2024, 4, 1), s_calendar.NextTradingDay(new DateOnly(2024, 3, 28)));
        Assert.Equal(new DateOnly(2024, 3, 28), s_calendar.PreviousTradingDay(new DateOnly(2024, 4, 1)));
        Assert.Equal(new DateOnly(2024, 12, 26), s_calendar.NextTradingDay(new DateOnly(2024, 12, 24)));
        Assert.Equal(new DateOnly(2024, 3, 28), s_calendar.PreviousTradingDay(new DateOnly(2024, 3, 30)));
    }

    [Theory]
    [InlineData(2019, 252)]
    [InlineData(2020, 253)]
    [InlineData(2021, 252)]
    [InlineData(2022, 251)]
    [InlineData(2023, 250)]
    [InlineData(2024, 252)]
    public void A_year_has_the_number_of_trading_days_the_exchange_published(int year, int tradingDays)
    {
        Assert.Equal(tradingDays, s_calendar.TradingDaysBetween(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1)));
    }

    [Fact]
    public void Trading_day_ordinals_count_business_days_so_a_holiday_does_not_widen_a_five_day_window()
    {
        // Monday 2024-03-25 to Monday 2024-04-01 spans Good Friday: 4 business days apart, not 5.
        int from = s_calendar.TradingDayOrdinal(new DateOnly(2024, 3, 25));
        int to = s_calendar.TradingDayOrdinal(new DateOnly(2024, 4, 1));

        Assert.Equal(4, to - from);
        Assert.Equal(new DateOnly(2024, 4, 1), s_calendar.TradingDayAt(to));
        Assert.Equal(to, s_calendar.TradingDayOrdinal(new DateOnly(2024, 3, 29)));
    }

    [Fact]
    public void A_regular_session_holds_390_one_minute_bars_and_an_early_close_210()
    {
        var regular = new DateOnly(2024, 12, 23);
        var early = new DateOnly(2024, 12, 24);

        Assert.Equal(390, s_calendar.ExpectedBarsBetween(NewYork.At(regular, 0, 0), NewYork.At(regular, 23, 59), Timeframe.OneMinute));
        Assert.Equal(210, s_calendar.ExpectedBarsBetween(NewYork.At(early, 0, 0), NewYork.At(early, 23, 59), Timeframe.OneMinute));
        Assert.Equal(78 + 42, s_calendar.ExpectedBarsBetween(NewYork.At(regular, 0, 0), NewYork.At(early, 23, 59), new Timeframe(5)));
        Assert.Equal(7, s_calendar.ExpectedBarsBetween(NewYork.At(regular, 9, 30), NewYork.At(regular, 16, 0), new Timeframe(60)));
    }

    [Fact]
    public void Expected_bars_count_starts_from_inclusive_to_exclusive_across_nights_and_holidays()
    {
        // 12:58 and 12:59 on Christmas Eve (a 13:00 close), then 09:30 on the 26th, after Christmas.
        long from = NewYork.At(2024, 12, 24, 12, 58);
        long to = NewYork.At(2024, 12, 26, 9, 31);

        Assert.Equal(3, s_calendar.ExpectedBarsBetween(from, to, Timeframe.OneMinute));
        Assert.Equal(0, s_calendar.ExpectedBarsBetween(to, from, Timeframe.OneMinute));
        Assert.Equal(1, s_calendar.ExpectedBarsBetween(from, to, Timeframe.Daily));
    }

    [Fact]
    public void The_first_bar_after_the_close_is_the_next_sessions_first()
    {
        long afterClose = NewYork.At(2024, 3, 28, 16, 0);

        Assert.Equal(NewYork.At(2024, 4, 1, 9, 30), s_calendar.FirstBarStartAtOrAfter(afterClose, Timeframe.OneMinute));
        Assert.Equal(NewYork.At(2024, 3, 28, 10, 0), s_calendar.FirstBarStartAtOrAfter(NewYork.At(2024, 3, 28, 9, 59) + 1, new Timeframe(30)));
    }

    [Fact]
    public void The_New_York_date_of_an_evening_in_UTC_is_the_day_before()
    {
        Assert.Equal(new DateOnly(2024, 3, 4), s_calendar.NewYorkDate(Utc(2024, 3, 5, 3, 0)));
        Assert.Equal(new DateOnly(2024, 3, 5), s_calendar.NewYorkDate(Utc(2024, 3, 5, 5, 0)));
        Assert.True(s_calendar.IsInSession(NewYork.At(2024, 3, 5, 9, 30)));
        Assert.False(s_calendar.IsInSession(NewYork.At(2024, 3, 5, 16, 0)));
    }

    [Fact]
    public void A_day_is_described_for_people()
    {
        Assert.Equal("2024-03-29 closed: Good Friday", s_calendar.Describe(new DateOnly(2024, 3, 29)));
        Assert.Equal("2019-12-24 early close, session 09:30–13:00 New York: Christmas Eve", s_calendar.Describe(new DateOnly(2019, 12, 24)));
        Assert.Equal("2024-03-05 regular session 09:30–16:00 New York", s_calendar.Describe(new DateOnly(2024, 3, 5)));
    }

    private static long Utc(int year, int month, int day, int hour, int minute) =>
        EventTime.FromDateTimeOffset(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));
}
