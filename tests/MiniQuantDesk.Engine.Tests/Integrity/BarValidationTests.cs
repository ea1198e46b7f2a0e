using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Market;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>A bar that is incomplete, inconsistent, outside a session or not for this guard never reaches
/// strategies, and refusing it leaves the guard armed.</summary>
public sealed class BarValidationTests
{
    private readonly IntegrityGuard _guard = new(NyseCalendar.Default, new IntegrityOptions());

    [Fact]
    public void A_bar_flagged_incomplete_is_rejected()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        bar.IsComplete = false;

        IntegrityDecision decision = _guard.OnBar(in bar, bar.EndNs);

        AssertRejected(decision, ReasonCode.IncompleteBar);
    }

    [Fact]
    public void A_bar_used_before_its_close_is_rejected_as_lookahead()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);

        IntegrityDecision decision = _guard.OnBar(in bar, bar.EndNs - 1);

        AssertRejected(decision, ReasonCode.IncompleteBar);
        Assert.Equal((bar.EndNs - 1, bar.EndNs), (decision.Reason.Observed, decision.Reason.Limit));
    }

    [Fact]
    public void A_daily_bar_that_ends_before_its_session_closes_is_rejected_as_incomplete()
    {
        Bar bar = SessionBars.Daily(new DateOnly(2019, 12, 24));
        bar.EndNs = NewYork.At(2019, 12, 24, 12, 59);

        IntegrityDecision decision = _guard.OnBar(in bar, bar.EndNs);

        AssertRejected(decision, ReasonCode.IncompleteBar);
        Assert.Equal(NewYork.At(2019, 12, 24, 13, 0), decision.Reason.Limit);
    }

    [Theory]
    [InlineData(100, 99, 101, 100, BarField.High)]   // high below low
    [InlineData(102, 101, 99, 100, BarField.Open)]   // open above high
    [InlineData(98, 101, 99, 100, BarField.Open)]    // open below low
    [InlineData(100, 101, 99, 102, BarField.Close)]  // close above high
    [InlineData(100, 101, 99, 98, BarField.Close)]   // close below low
    public void A_bar_whose_prices_contradict_each_other_is_rejected_as_inconsistent(long open, long high, long low, long close, BarField field)
    {
        Bar bar = Prices(open, high, low, close);

        IntegrityDecision decision = _guard.OnBar(in bar, bar.EndNs);

        AssertRejected(decision, ReasonCode.InconsistentBar);
        Assert.Equal(field, decision.Evidence.Field);
    }

    [Theory]
    [InlineData(0, 101, 99, 100, BarField.Open)]
    [InlineData(100, 101, -99, 100, BarField.Low)]
    [InlineData(100, 101, 99, 0, BarField.Close)]
    public void A_bar_with_a_price_that_is_not_positive_is_rejected(long open, long high, long low, long close, BarField field)
    {
        Bar bar = Prices(open, high, low, close);

        IntegrityDecision decision = _guard.OnBar(in bar, bar.EndNs);

        AssertRejected(decision, ReasonCode.NonPositivePrice);
        Assert.Equal(field, decision.Evidence.Field);
    }

    [Fact]
    public void A_bar_with_negative_volume_is_rejected()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        bar.Volume = -1;

        AssertRejected(_guard.OnBar(in bar, bar.EndNs), ReasonCode.NegativeVolume);
    }

    [Fact]
    public void A_bar_with_zero_volume_is_accepted()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        bar.Volume = 0;

        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in bar, bar.EndNs).Action);
    }

    [Fact]
    public void A_minute_bar_on_a_holiday_is_rejected_as_outside_any_session()
    {
        Bar bar = SessionBars.Minute(2024, 12, 25, 10, 0);

        AssertRejected(_guard.OnBar(in bar, bar.EndNs), ReasonCode.OutsideSession);
    }

    [Fact]
    public void A_minute_bar_after_an_early_close_is_rejected_as_outside_any_session()
    {
        Bar bar = SessionBars.Minute(2024, 12, 24, 13, 0);

        AssertRejected(_guard.OnBar(in bar, bar.EndNs), ReasonCode.OutsideSession);
    }

    [Fact]
    public void A_daily_bar_on_a_special_closure_is_rejected_as_outside_any_session()
    {
        var bar = SessionBars.Daily(new DateOnly(2001, 9, 10));
        bar.StartNs = NewYork.At(2001, 9, 11, 9, 30);
        bar.EndNs = NewYork.At(2001, 9, 11, 16, 0);

        AssertRejected(_guard.OnBar(in bar, bar.EndNs), ReasonCode.OutsideSession);
    }

    [Fact]
    public void A_bar_before_1990_is_rejected_as_outside_any_session_not_thrown()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        bar.StartNs = -1_000;
        bar.EndNs = 0;

        AssertRejected(_guard.OnBar(in bar, bar.EndNs), ReasonCode.OutsideSession);
    }

    [Fact]
    public void A_five_minute_bar_off_the_grid_from_the_open_is_rejected_as_misaligned()
    {
        var guard = new IntegrityGuard(NyseCalendar.Default, new IntegrityOptions { Timeframes = [new Timeframe(5)] });
        Bar bar = SessionBars.Minute(2024, 3, 5, 9, 32);
        bar.Timeframe = new Timeframe(5);
        bar.EndNs = bar.StartNs + (5 * 60_000_000_000L);

        IntegrityDecision decision = guard.OnBar(in bar, bar.EndNs);

        AssertRejected(decision, ReasonCode.MisalignedBar);
        Assert.Equal(NewYork.At(2024, 3, 5, 9, 30), decision.Reason.Limit);
    }

    [Fact]
    public void A_one_minute_bar_that_does_not_end_a_minute_later_is_rejected_as_misaligned()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        bar.EndNs += 1;

        AssertRejected(_guard.OnBar(in bar, bar.EndNs), ReasonCode.MisalignedBar);
    }

    [Fact]
    public void Bars_of_an_unknown_symbol_timeframe_or_feed_are_rejected_by_name()
    {
        Bar unknownSymbol = SessionBars.Minute(2024, 3, 5, 10, 0);
        unknownSymbol.Symbol = new SymbolId(65);
        Bar untracked = SessionBars.Minute(2024, 3, 5, 10, 0);
        untracked.Timeframe = new Timeframe(15);
        Bar unknownFeed = SessionBars.Minute(2024, 3, 5, 10, 0, feed: 1);

        AssertRejected(_guard.OnBar(in unknownSymbol, unknownSymbol.EndNs), ReasonCode.UnknownSymbol);
        AssertRejected(_guard.OnBar(in untracked, untracked.EndNs), ReasonCode.UntrackedTimeframe);
        AssertRejected(_guard.OnBar(in unknownFeed, unknownFeed.EndNs), ReasonCode.UnknownFeed);
    }

    [Fact]
    public void A_rejected_bar_does_not_count_as_the_series_last_bar()
    {
        Bar spoiled = SessionBars.Minute(2024, 3, 5, 10, 0);
        spoiled.Volume = -5;
        Bar sound = SessionBars.Minute(2024, 3, 5, 10, 0);

        _guard.OnBar(in spoiled, spoiled.EndNs);
        IntegrityDecision decision = _guard.OnBar(in sound, sound.EndNs);

        Assert.Equal(IntegrityAction.Accept, decision.Action);
    }

    private static Bar Prices(long open, long high, long low, long close)
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        bar.Open = new Price(open * 1_000_000);
        bar.High = new Price(high * 1_000_000);
        bar.Low = new Price(low * 1_000_000);
        bar.Close = new Price(close * 1_000_000);
        return bar;
    }

    private void AssertRejected(IntegrityDecision decision, ReasonCode code)
    {
        Assert.Equal(IntegrityAction.Reject, decision.Action);
        Assert.Equal(code, decision.Reason.Code);
        Assert.False(decision.IsNewBar);
        Assert.True(_guard.IsArmed);
    }
}
