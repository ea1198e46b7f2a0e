using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>Two feeds deliver the same bars: the first accepted copy is the bar; the other feed's copy must agree
/// with it, or nothing can be trusted.</summary>
public sealed class FeedAgreementTests
{
    private readonly IntegrityGuard _guard = new(NyseCalendar.Default, new IntegrityOptions { FeedCount = 2 });

    [Fact]
    public void An_identical_copy_from_the_second_feed_is_corroborated_not_a_new_bar()
    {
        Bar primary = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 0);
        Bar copy = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 1);

        IntegrityDecision first = _guard.OnBar(in primary, primary.EndNs);
        IntegrityDecision second = _guard.OnBar(in copy, copy.EndNs);

        Assert.True(first.IsNewBar);
        Assert.Equal(IntegrityAction.Corroborate, second.Action);
        Assert.False(second.IsNewBar);
        Assert.False(second.Reason.IsSet);
        Assert.True(_guard.IsArmed);
    }

    [Theory]
    [InlineData(BarField.Open)]
    [InlineData(BarField.High)]
    [InlineData(BarField.Low)]
    [InlineData(BarField.Close)]
    [InlineData(BarField.Volume)]
    public void Feeds_that_disagree_on_any_value_of_a_bar_halt_with_both_values(BarField field)
    {
        Bar primary = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 0);
        Bar copy = Nudged(SessionBars.Minute(2024, 3, 5, 10, 0, feed: 1), field, 1);
        _guard.OnBar(in primary, primary.EndNs);

        IntegrityDecision decision = _guard.OnBar(in copy, copy.EndNs);

        Assert.Equal(IntegrityAction.Halt, decision.Action);
        Assert.Equal(ReasonCode.FeedDisagreement, decision.Reason.Code);
        Assert.Equal(field, decision.Evidence.Field);
        Assert.Equal((1, 0), (decision.Evidence.FeedId, decision.Evidence.OtherFeedId));
        Assert.Equal(1, decision.Reason.Observed - decision.Reason.Limit);
    }

    [Fact]
    public void A_disagreement_stays_halted_until_an_operator_clears_the_halt_and_arms()
    {
        Bar primary = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 0);
        Bar copy = Nudged(SessionBars.Minute(2024, 3, 5, 10, 0, feed: 1), BarField.Close, 10_000);
        Bar next = SessionBars.Minute(2024, 3, 5, 10, 1, feed: 0);
        Bar afterArming = SessionBars.Minute(2024, 3, 5, 10, 2, feed: 0);
        _guard.OnBar(in primary, primary.EndNs);
        IntegrityDecision halt = _guard.OnBar(in copy, copy.EndNs);

        Assert.Equal(halt, _guard.OnBar(in next, next.EndNs));
        Assert.False(_guard.Arm());
        Assert.Equal(IntegrityState.Halted, _guard.State);

        Assert.True(_guard.ClearHalt());
        Assert.Equal(IntegrityState.Disarmed, _guard.State);
        Assert.Equal(ReasonCode.FeedDisagreement, _guard.StickyDecision.Reason.Code);
        Assert.True(_guard.Arm());
        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in afterArming, afterArming.EndNs).Action);
    }

    [Fact]
    public void A_difference_within_the_configured_tolerance_is_corroborated()
    {
        var guard = new IntegrityGuard(NyseCalendar.Default, new IntegrityOptions { FeedCount = 2, PriceToleranceMicros = 10_000, VolumeTolerance = 5 });
        Bar primary = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 0);
        Bar copy = Nudged(Nudged(SessionBars.Minute(2024, 3, 5, 10, 0, feed: 1), BarField.Close, -10_000), BarField.Volume, 5);
        Bar beyond = Nudged(SessionBars.Minute(2024, 3, 5, 10, 1, feed: 1), BarField.High, 10_001);
        Bar beyondPrimary = SessionBars.Minute(2024, 3, 5, 10, 1, feed: 0);
        guard.OnBar(in primary, primary.EndNs);

        Assert.Equal(IntegrityAction.Corroborate, guard.OnBar(in copy, copy.EndNs).Action);
        guard.OnBar(in beyondPrimary, beyondPrimary.EndNs);
        Assert.Equal(IntegrityAction.Halt, guard.OnBar(in beyond, beyond.EndNs).Action);
    }

    [Fact]
    public void A_lagging_feeds_copy_is_still_compared_with_the_bar_first_accepted()
    {
        Bar[] primary = [SessionBars.Minute(2024, 3, 5, 10, 0), SessionBars.Minute(2024, 3, 5, 10, 1), SessionBars.Minute(2024, 3, 5, 10, 2)];
        foreach (Bar bar in primary)
        {
            _guard.OnBar(in bar, bar.EndNs);
        }

        Bar lateCopy = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 1);
        Bar lateWrongCopy = Nudged(SessionBars.Minute(2024, 3, 5, 10, 1, feed: 1), BarField.Open, -1);

        Assert.Equal(IntegrityAction.Corroborate, _guard.OnBar(in lateCopy, primary[2].EndNs).Action);
        Assert.Equal(IntegrityAction.Halt, _guard.OnBar(in lateWrongCopy, primary[2].EndNs).Action);
    }

    [Fact]
    public void When_the_second_feed_is_ahead_its_bar_is_the_new_one_and_the_first_feeds_copy_corroborates()
    {
        Bar ahead = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 1);
        Bar behind = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 0);

        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in ahead, ahead.EndNs).Action);
        Assert.Equal(IntegrityAction.Corroborate, _guard.OnBar(in behind, behind.EndNs).Action);
    }

    [Fact]
    public void A_copy_older_than_the_comparison_window_cannot_be_checked_and_is_refused_as_out_of_order()
    {
        var guard = new IntegrityGuard(NyseCalendar.Default, new IntegrityOptions { FeedCount = 2, CopyWindowBars = 2 });
        Bar[] primary = [SessionBars.Minute(2024, 3, 5, 10, 0), SessionBars.Minute(2024, 3, 5, 10, 1), SessionBars.Minute(2024, 3, 5, 10, 2)];
        foreach (Bar bar in primary)
        {
            guard.OnBar(in bar, bar.EndNs);
        }

        Bar tooLate = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 1);

        IntegrityDecision decision = guard.OnBar(in tooLate, primary[2].EndNs);

        Assert.Equal((IntegrityAction.Reject, ReasonCode.OutOfOrderBar), (decision.Action, decision.Reason.Code));
    }

    private static Bar Nudged(Bar bar, BarField field, long by)
    {
        switch (field)
        {
            case BarField.Open: bar.Open = new Price(bar.Open.Micros + by); break;
            case BarField.High: bar.High = new Price(bar.High.Micros + by); break;
            case BarField.Low: bar.Low = new Price(bar.Low.Micros + by); break;
            case BarField.Close: bar.Close = new Price(bar.Close.Micros + by); break;
            default: bar.Volume += by; break;
        }

        return bar;
    }
}
