using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Engine.Tests.Market;

/// <summary>The calendar's laws, over random dates and times of its whole range.</summary>
public sealed class NyseCalendarProperties
{
    private static readonly NyseCalendar s_calendar = NyseCalendar.Default;
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(500);

    /// <summary>Any date of the range but its first and last weeks (so that a neighbour always exists).</summary>
    private static readonly Arbitrary<DateOnly> s_dates =
        Gen.Choose(s_calendar.FirstDate.DayNumber + 7, s_calendar.LastDate.DayNumber - 7).Select(DateOnly.FromDayNumber).ToArbitrary();

    [Fact]
    public void The_calendar_agrees_with_a_naive_reading_of_the_rules_on_every_day_from_1990_to_2200()
    {
        for (DateOnly date = s_calendar.FirstDate; date <= s_calendar.LastDate; date = date.AddDays(1))
        {
            (bool open, TimeOnly openTime, TimeOnly closeTime) = NaiveNyseOracle.SessionOn(date);
            Assert.True(open == s_calendar.IsTradingDay(date), s_calendar.Describe(date));
            if (open)
            {
                Assert.Equal(NewYork.At(date, openTime.Hour, openTime.Minute), s_calendar.SessionOpenNs(date));
                Assert.Equal(NewYork.At(date, closeTime.Hour, closeTime.Minute), s_calendar.SessionCloseNs(date));
            }
        }
    }

    [Fact]
    public void Two_independent_Easter_algorithms_agree_on_every_year()
    {
        for (int year = NyseCalendar.EarliestYear; year <= NyseCalendar.LatestYear; year++)
        {
            Assert.Equal(NaiveNyseOracle.Easter(year), EasterComputus.EasterSunday(year));
        }
    }

    [Fact]
    public void Every_trading_day_is_a_weekday_and_no_holiday()
    {
        Check.One(s_config, Prop.ForAll(s_dates, date =>
        {
            bool trading = s_calendar.IsTradingDay(date);
            return !trading || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && s_calendar.HolidayOn(date) == NyseHoliday.None);
        }));
    }

    [Fact]
    public void The_previous_and_next_trading_days_bracket_every_date_with_no_session_between()
    {
        Check.One(s_config, Prop.ForAll(s_dates, date =>
        {
            DateOnly previous = s_calendar.PreviousTradingDay(date);
            DateOnly next = s_calendar.NextTradingDay(date);
            bool nothingBetween = s_calendar.TradingDaysBetween(previous.AddDays(1), date) == 0
                && s_calendar.TradingDaysBetween(date.AddDays(1), next) == 0;
            return previous < date && date < next && s_calendar.IsTradingDay(previous) && s_calendar.IsTradingDay(next) && nothingBetween;
        }));
    }

    [Fact]
    public void The_next_of_the_previous_trading_day_is_the_day_itself_or_the_next_session()
    {
        Check.One(s_config, Prop.ForAll(s_dates, date =>
        {
            DateOnly expected = s_calendar.IsTradingDay(date) ? date : s_calendar.NextTradingDay(date);
            bool back = !s_calendar.IsTradingDay(date) || s_calendar.PreviousTradingDay(s_calendar.NextTradingDay(date)) == date;
            return s_calendar.NextTradingDay(s_calendar.PreviousTradingDay(date)) == expected && back;
        }));
    }

    [Fact]
    public void Every_session_lasts_six_and_a_half_hours_or_three_and_a_half_on_an_early_close_unless_listed_as_special()
    {
        Check.One(s_config, Prop.ForAll(s_dates, date =>
        {
            if (!s_calendar.TryGetSession(date, out long open, out long close))
            {
                return true;
            }

            long length = close - open;
            return s_calendar.KindOf(date) switch
            {
                MarketDayKind.RegularSession => length == NewYork.Hours(6.5),
                MarketDayKind.EarlyClose => length == NewYork.Hours(date.Year >= 1993 ? 3.5 : 4.5),
                _ => IsListedSpecialSession(date) && length > 0 && length < NewYork.Hours(6.5),
            };
        }));
    }

    [Fact]
    public void Expected_one_minute_bars_equal_the_session_minutes_counted_one_by_one()
    {
        Arbitrary<(long From, long To)> ranges =
            (from day in Gen.Choose(s_calendar.FirstDate.DayNumber, s_calendar.LastDate.DayNumber - 12)
             from fromMinute in Gen.Choose(0, 24 * 60)
             from spanMinutes in Gen.Choose(0, 10 * 24 * 60)
             let start = NewYork.At(DateOnly.FromDayNumber(day), 0, 0) + (fromMinute * 60_000_000_000L)
             select (start, start + (spanMinutes * 60_000_000_000L))).ToArbitrary();

        Check.One(s_config.WithMaxTest(100), Prop.ForAll(ranges, range =>
        {
            long counted = 0;
            for (long t = range.From; t < range.To; t += 60_000_000_000L)
            {
                DateOnly date = s_calendar.NewYorkDate(t);
                if (s_calendar.TryGetSession(date, out long open, out long close) && t >= open && t < close)
                {
                    counted++;
                }
            }

            // range.From sits on a whole minute of New York time, like every bar start.
            return s_calendar.ExpectedBarsBetween(range.From, range.To, Timeframe.OneMinute) == counted;
        }));
    }

    private static bool IsListedSpecialSession(DateOnly date)
    {
        foreach (SpecialSession session in NyseSpecialDays.Sessions)
        {
            if (session.Date == date)
            {
                return true;
            }
        }

        return false;
    }
}
