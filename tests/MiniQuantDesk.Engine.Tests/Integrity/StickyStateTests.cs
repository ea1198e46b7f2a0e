using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>Halt and disarm stick until an operator undoes them, in order; a halt is never weakened.</summary>
public sealed class StickyStateTests
{
    private readonly IntegrityGuard _guard = new(NyseCalendar.Default, new IntegrityOptions { FeedCount = 2 });

    [Fact]
    public void A_gap_disarms_and_every_later_bar_is_refused_with_the_gap_until_an_operator_arms()
    {
        Bar first = SessionBars.Minute(2024, 3, 5, 10, 0);
        Bar afterGap = SessionBars.Minute(2024, 3, 5, 10, 5);
        Bar next = SessionBars.Minute(2024, 3, 5, 10, 6);
        Bar afterArming = SessionBars.Minute(2024, 3, 5, 10, 7);
        _guard.OnBar(in first, first.EndNs);
        IntegrityDecision gap = _guard.OnBar(in afterGap, afterGap.EndNs);

        Assert.Equal(gap, _guard.OnBar(in next, next.EndNs));
        Assert.Equal(gap, _guard.OnTimer(next.EndNs));
        Assert.True(_guard.Arm());
        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in afterArming, afterArming.EndNs).Action);
    }

    [Fact]
    public void The_guard_keeps_following_its_series_while_disarmed_so_arming_does_not_reopen_an_old_gap()
    {
        Bar first = SessionBars.Minute(2024, 3, 5, 10, 0);
        Bar afterGap = SessionBars.Minute(2024, 3, 5, 10, 5);
        _guard.OnBar(in first, first.EndNs);
        _guard.OnBar(in afterGap, afterGap.EndNs);
        for (int minute = 6; minute < 20; minute++)
        {
            Bar bar = SessionBars.Minute(2024, 3, 5, 10, minute);
            _guard.OnBar(in bar, bar.EndNs);
        }

        _guard.Arm();
        Bar next = SessionBars.Minute(2024, 3, 5, 10, 20);

        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in next, next.EndNs).Action);
    }

    [Fact]
    public void A_halt_found_while_disarmed_escalates_and_a_later_disarm_never_weakens_a_halt()
    {
        Bar first = SessionBars.Minute(2024, 3, 5, 10, 0);
        Bar afterGap = SessionBars.Minute(2024, 3, 5, 10, 5);
        Bar wrongCopy = SessionBars.Minute(2024, 3, 5, 10, 5, feed: 1);
        wrongCopy.Close = new Price(wrongCopy.Close.Micros + 1);
        Bar afterAnotherGap = SessionBars.Minute(2024, 3, 5, 10, 30);
        _guard.OnBar(in first, first.EndNs);
        _guard.OnBar(in afterGap, afterGap.EndNs);

        IntegrityDecision halt = _guard.OnBar(in wrongCopy, wrongCopy.EndNs);
        IntegrityDecision later = _guard.OnBar(in afterAnotherGap, afterAnotherGap.EndNs);

        Assert.Equal((IntegrityAction.Halt, ReasonCode.FeedDisagreement), (halt.Action, halt.Reason.Code));
        Assert.Equal(halt, later);
        Assert.Equal(IntegrityState.Halted, _guard.State);
    }

    [Fact]
    public void A_rejected_bar_while_disarmed_is_refused_with_the_disarm_reason()
    {
        Bar first = SessionBars.Minute(2024, 3, 5, 10, 0);
        Bar afterGap = SessionBars.Minute(2024, 3, 5, 10, 5);
        Bar incomplete = SessionBars.Minute(2024, 3, 5, 10, 6);
        incomplete.IsComplete = false;
        _guard.OnBar(in first, first.EndNs);
        IntegrityDecision gap = _guard.OnBar(in afterGap, afterGap.EndNs);

        Assert.Equal(gap, _guard.OnBar(in incomplete, incomplete.EndNs));
    }

    [Fact]
    public void Clearing_a_halt_on_a_guard_that_is_not_halted_does_nothing()
    {
        Assert.False(_guard.ClearHalt());
        Assert.True(_guard.IsArmed);
        Assert.True(_guard.Arm());
    }
}
