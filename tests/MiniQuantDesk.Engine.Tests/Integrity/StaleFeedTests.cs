using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Tests.Market;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>A feed that stops delivering during a session disarms the guard, on the next timer event; nights,
/// weekends and holidays are not stale.</summary>
public sealed class StaleFeedTests
{
    private static readonly long s_twoMinutes = 2 * 60_000_000_000L;
    private readonly IntegrityGuard _guard = new(NyseCalendar.Default, new IntegrityOptions { StaleAfterNs = s_twoMinutes });

    [Fact]
    public void A_minute_bar_later_than_the_bound_disarms_with_how_late_it_is()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        _guard.OnBar(in bar, bar.EndNs);
        long due = NewYork.At(2024, 3, 5, 10, 2);   // the 10:01 bar closes at 10:02

        Assert.Equal(IntegrityAction.Accept, _guard.OnTimer(due + s_twoMinutes).Action);
        IntegrityDecision decision = _guard.OnTimer(due + s_twoMinutes + 1);

        Assert.Equal(IntegrityAction.Disarm, decision.Action);
        Assert.Equal(ReasonCode.StaleFeed, decision.Reason.Code);
        Assert.Equal((s_twoMinutes + 1, s_twoMinutes), (decision.Reason.Observed, decision.Reason.Limit));
        Assert.Equal(due, decision.Evidence.ReferenceNs);
        Assert.Equal(NewYork.At(2024, 3, 5, 10, 1), decision.Evidence.BarStartNs);
    }

    [Fact]
    public void A_stale_feed_stays_disarmed_for_every_later_bar_until_an_operator_arms()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        _guard.OnBar(in bar, bar.EndNs);
        _guard.OnTimer(NewYork.At(2024, 3, 5, 10, 30));
        Bar resumed = SessionBars.Minute(2024, 3, 5, 10, 30);
        Bar next = SessionBars.Minute(2024, 3, 5, 10, 31);

        IntegrityDecision whileDisarmed = _guard.OnBar(in resumed, resumed.EndNs);
        Assert.Equal((IntegrityAction.Disarm, ReasonCode.StaleFeed), (whileDisarmed.Action, whileDisarmed.Reason.Code));
        Assert.Equal(IntegrityState.Disarmed, _guard.State);

        Assert.True(_guard.Arm());
        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in next, next.EndNs).Action);
    }

    [Fact]
    public void No_bar_is_due_overnight_so_the_night_is_not_stale()
    {
        Bar last = SessionBars.Minute(2024, 3, 5, 15, 59);
        _guard.OnBar(in last, last.EndNs);

        Assert.Equal(IntegrityAction.Accept, _guard.OnTimer(NewYork.At(2024, 3, 6, 9, 32)).Action);
        Assert.Equal(IntegrityAction.Disarm, _guard.OnTimer(NewYork.At(2024, 3, 6, 9, 33) + 1).Action);
    }

    [Fact]
    public void A_holiday_weekend_is_not_stale_for_daily_bars()
    {
        Bar thursday = SessionBars.Daily(new DateOnly(2024, 3, 28));
        _guard.OnBar(in thursday, thursday.EndNs);

        Assert.Equal(IntegrityAction.Accept, _guard.OnTimer(NewYork.At(2024, 4, 1, 16, 2)).Action);
        Assert.Equal(ReasonCode.StaleFeed, _guard.OnTimer(NewYork.At(2024, 4, 1, 16, 2) + 1).Reason.Code);
    }

    [Fact]
    public void A_series_expected_from_a_time_goes_stale_before_its_first_bar()
    {
        _guard.Expect(SessionBars.Msft, Timeframe.OneMinute, NewYork.At(2024, 3, 5, 9, 0));

        Assert.Equal(IntegrityAction.Accept, _guard.OnTimer(NewYork.At(2024, 3, 5, 9, 33)).Action);
        Assert.Equal(IntegrityAction.Disarm, _guard.OnTimer(NewYork.At(2024, 3, 5, 9, 33) + 1).Action);
    }

    [Fact]
    public void A_series_that_never_delivered_and_was_not_expected_cannot_go_stale()
    {
        Assert.Equal(IntegrityAction.Accept, _guard.OnTimer(NewYork.At(2024, 3, 5, 15, 0)).Action);
    }

    [Fact]
    public void Arming_while_the_feed_is_still_silent_disarms_again_on_the_next_timer()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        _guard.OnBar(in bar, bar.EndNs);
        _guard.OnTimer(NewYork.At(2024, 3, 5, 10, 30));

        Assert.True(_guard.Arm());

        Assert.Equal(IntegrityAction.Disarm, _guard.OnTimer(NewYork.At(2024, 3, 5, 10, 31)).Action);
    }
}
