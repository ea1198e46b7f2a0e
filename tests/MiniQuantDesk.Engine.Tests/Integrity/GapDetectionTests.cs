using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Tests.Market;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>Missing bars are found against the calendar, with evidence; what the exchange did not trade is not missing.</summary>
public sealed class GapDetectionTests
{
    [Fact]
    public void A_missing_trading_day_between_daily_bars_disarms_with_the_count_and_the_last_bar_before_it()
    {
        var guard = Guard();
        Bar monday = SessionBars.Daily(new DateOnly(2024, 3, 4));
        Bar wednesday = SessionBars.Daily(new DateOnly(2024, 3, 6));
        guard.OnBar(in monday, monday.EndNs);

        IntegrityDecision decision = guard.OnBar(in wednesday, wednesday.EndNs);

        Assert.Equal(IntegrityAction.Disarm, decision.Action);
        Assert.Equal(ReasonCode.GapDetected, decision.Reason.Code);
        Assert.Equal((1L, 0L), (decision.Reason.Observed, decision.Reason.Limit));
        Assert.Equal(monday.StartNs, decision.Evidence.ReferenceNs);
        Assert.Equal(wednesday.StartNs, decision.Evidence.BarStartNs);
        Assert.False(guard.IsArmed);
    }

    [Theory]
    [InlineData("2001-09-07", "2001-09-10", "2001-09-17")]  // a weekend, then the September 11 closure
    [InlineData("2024-03-27", "2024-03-28", "2024-04-01")]  // Good Friday and a weekend
    [InlineData("2024-12-23", "2024-12-24", "2024-12-26")]  // an early close, then Christmas
    [InlineData("1994-04-26", "1994-04-28", "1994-04-29")]  // the Nixon day of mourning
    [InlineData("2021-12-31", "2022-01-03", "2022-01-04")]  // New Year's Day on a Saturday: not observed
    public void Weekends_holidays_and_special_closures_between_daily_bars_are_not_gaps(string first, string second, string third)
    {
        var guard = Guard();

        foreach (string date in new[] { first, second, third })
        {
            Bar bar = SessionBars.Daily(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
            IntegrityDecision decision = guard.OnBar(in bar, bar.EndNs);
            Assert.True(decision.Action == IntegrityAction.Accept, $"{date}: {decision.Describe()}");
        }
    }

    [Fact]
    public void With_a_tolerance_of_two_two_missing_days_pass_and_three_disarm()
    {
        var guard = Guard(new IntegrityOptions { GapToleranceBars = 2 });
        Bar monday = SessionBars.Daily(new DateOnly(2024, 3, 4));
        Bar thursday = SessionBars.Daily(new DateOnly(2024, 3, 7));
        Bar wednesdayAfter = SessionBars.Daily(new DateOnly(2024, 3, 13));

        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in monday, monday.EndNs).Action);
        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in thursday, thursday.EndNs).Action);
        IntegrityDecision decision = guard.OnBar(in wednesdayAfter, wednesdayAfter.EndNs);

        Assert.Equal(IntegrityAction.Disarm, decision.Action);
        Assert.Equal((3L, 2L), (decision.Reason.Observed, decision.Reason.Limit));
    }

    [Fact]
    public void Missing_minutes_at_lunch_are_a_gap_because_the_exchange_never_breaks_for_lunch()
    {
        var guard = Guard();
        Bar before = SessionBars.Minute(2024, 3, 5, 11, 59);
        Bar after = SessionBars.Minute(2024, 3, 5, 13, 0);
        guard.OnBar(in before, before.EndNs);

        IntegrityDecision decision = guard.OnBar(in after, after.EndNs);

        Assert.Equal(ReasonCode.GapDetected, decision.Reason.Code);
        Assert.Equal(60, decision.Reason.Observed);
        Assert.Equal(before.StartNs, decision.Evidence.ReferenceNs);
    }

    [Fact]
    public void Consecutive_minutes_through_a_whole_session_are_not_a_gap()
    {
        var guard = Guard();
        for (int minute = 0; minute < 390; minute++)
        {
            Bar bar = SessionBars.Minute(2024, 3, 5, 9 + ((30 + minute) / 60), (30 + minute) % 60);
            Assert.Equal(IntegrityAction.Accept, guard.OnBar(in bar, bar.EndNs).Action);
        }
    }

    [Fact]
    public void The_last_minute_of_a_session_followed_by_the_first_of_the_next_is_not_a_gap_overnight_or_over_a_weekend()
    {
        var guard = Guard();
        Bar[] bars =
        [
            SessionBars.Minute(2024, 3, 7, 15, 59),
            SessionBars.Minute(2024, 3, 8, 9, 30),   // overnight
            SessionBars.Minute(2024, 3, 8, 9, 31),
            SessionBars.Minute(2024, 3, 8, 15, 59),  // a gap, by itself: 9:32 to 15:58
        ];

        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in bars[0], bars[0].EndNs).Action);
        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in bars[1], bars[1].EndNs).Action);
        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in bars[2], bars[2].EndNs).Action);
        Assert.Equal(387, guard.OnBar(in bars[3], bars[3].EndNs).Reason.Observed);
        guard.Arm();
        Bar monday = SessionBars.Minute(2024, 3, 11, 9, 30);   // over the weekend, and New York moved to summer time
        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in monday, monday.EndNs).Action);
    }

    [Fact]
    public void A_missing_last_minute_before_the_night_is_a_gap_of_one_after_the_minute_before_it()
    {
        var guard = Guard();
        Bar lastButOne = SessionBars.Minute(2024, 3, 7, 15, 58);
        Bar nextOpen = SessionBars.Minute(2024, 3, 8, 9, 30);
        guard.OnBar(in lastButOne, lastButOne.EndNs);

        IntegrityDecision decision = guard.OnBar(in nextOpen, nextOpen.EndNs);

        Assert.Equal(ReasonCode.GapDetected, decision.Reason.Code);
        Assert.Equal(1, decision.Reason.Observed);
        Assert.Equal(lastButOne.StartNs, decision.Evidence.ReferenceNs);
    }

    [Fact]
    public void After_an_early_close_the_next_sessions_first_minute_is_not_a_gap()
    {
        var guard = Guard();
        Bar lastOfEarlyClose = SessionBars.Minute(2019, 12, 24, 12, 59);
        Bar firstAfterChristmas = SessionBars.Minute(2019, 12, 26, 9, 30);
        guard.OnBar(in lastOfEarlyClose, lastOfEarlyClose.EndNs);

        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in firstAfterChristmas, firstAfterChristmas.EndNs).Action);
    }

    [Fact]
    public void A_gap_across_an_early_close_counts_only_the_minutes_of_the_shortened_session()
    {
        var guard = Guard();
        Bar morning = SessionBars.Minute(2019, 12, 24, 11, 59);
        Bar nextDay = SessionBars.Minute(2019, 12, 26, 9, 31);
        guard.OnBar(in morning, morning.EndNs);

        IntegrityDecision decision = guard.OnBar(in nextDay, nextDay.EndNs);

        Assert.Equal(60 + 1, decision.Reason.Observed);   // 12:00–12:59 on the 24th, 09:30 on the 26th
    }

    [Fact]
    public void A_late_open_is_not_a_gap_but_a_bar_before_it_is_outside_the_session()
    {
        var guard = Guard();
        Bar lastBefore = SessionBars.Minute(2002, 9, 10, 15, 59);
        Bar tooEarly = SessionBars.Minute(2002, 9, 11, 9, 30);
        Bar firstAfterNoon = SessionBars.Minute(2002, 9, 11, 12, 0);
        guard.OnBar(in lastBefore, lastBefore.EndNs);

        Assert.Equal(ReasonCode.OutsideSession, guard.OnBar(in tooEarly, tooEarly.EndNs).Reason.Code);
        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in firstAfterNoon, firstAfterNoon.EndNs).Action);
    }

    [Fact]
    public void Five_minute_bars_count_missing_bars_in_five_minute_steps()
    {
        var guard = Guard(new IntegrityOptions { Timeframes = [new Timeframe(5)] });
        Bar first = FiveMinute(2024, 3, 5, 9, 30);
        Bar afterGap = FiveMinute(2024, 3, 5, 9, 50);
        guard.OnBar(in first, first.EndNs);

        Assert.Equal(3, guard.OnBar(in afterGap, afterGap.EndNs).Reason.Observed);   // 9:35, 9:40, 9:45
    }

    [Fact]
    public void A_series_expected_from_a_time_reports_missing_first_bars_as_a_gap()
    {
        var guard = Guard();
        guard.Expect(SessionBars.Msft, Timeframe.Daily, NewYork.At(2024, 3, 4, 0, 0));
        Bar tuesday = SessionBars.Daily(new DateOnly(2024, 3, 5));

        IntegrityDecision decision = guard.OnBar(in tuesday, tuesday.EndNs);

        Assert.Equal(ReasonCode.GapDetected, decision.Reason.Code);
        Assert.Equal(1, decision.Reason.Observed);
        Assert.Equal(NewYork.At(2024, 3, 4, 0, 0), decision.Evidence.ReferenceNs);
    }

    [Fact]
    public void A_series_expected_from_a_time_whose_first_bar_is_on_time_is_accepted()
    {
        var guard = Guard();
        guard.Expect(SessionBars.Msft, Timeframe.OneMinute, NewYork.At(2024, 3, 5, 7, 0));
        Bar first = SessionBars.Minute(2024, 3, 5, 9, 30);

        Assert.Equal(IntegrityAction.Accept, guard.OnBar(in first, first.EndNs).Action);
    }

    private static IntegrityGuard Guard(IntegrityOptions? options = null) => new(NyseCalendar.Default, options ?? new IntegrityOptions());

    private static Bar FiveMinute(int year, int month, int day, int hour, int minute)
    {
        Bar bar = SessionBars.Minute(year, month, day, hour, minute);
        bar.Timeframe = new Timeframe(5);
        bar.EndNs = bar.StartNs + (5 * 60_000_000_000L);
        return bar;
    }
}
