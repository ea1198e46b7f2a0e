using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Tests.Market;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>Each feed delivers a series in order and once; event time never goes backwards.</summary>
public sealed class BarOrderTests
{
    private readonly IntegrityGuard _guard = new(NyseCalendar.Default, new IntegrityOptions());

    [Fact]
    public void A_bar_older_than_the_last_from_its_feed_is_rejected_as_out_of_order()
    {
        Bar later = SessionBars.Minute(2024, 3, 5, 10, 1);
        Bar earlier = SessionBars.Minute(2024, 3, 5, 10, 0);
        _guard.OnBar(in later, later.EndNs);

        IntegrityDecision decision = _guard.OnBar(in earlier, later.EndNs);

        Assert.Equal(IntegrityAction.Reject, decision.Action);
        Assert.Equal(ReasonCode.OutOfOrderBar, decision.Reason.Code);
        Assert.Equal(later.StartNs, decision.Evidence.ReferenceNs);
    }

    [Fact]
    public void The_same_bar_twice_from_one_feed_is_rejected_as_a_duplicate()
    {
        Bar bar = SessionBars.Minute(2024, 3, 5, 10, 0);
        _guard.OnBar(in bar, bar.EndNs);

        IntegrityDecision decision = _guard.OnBar(in bar, bar.EndNs);

        Assert.Equal(IntegrityAction.Reject, decision.Action);
        Assert.Equal(ReasonCode.DuplicateBar, decision.Reason.Code);
    }

    [Fact]
    public void Two_daily_bars_of_the_same_session_are_duplicates_even_when_stamped_differently()
    {
        Bar first = SessionBars.Daily(new DateOnly(2024, 3, 5));
        Bar restamped = first;
        restamped.StartNs = NewYork.At(2024, 3, 5, 0, 0);
        _guard.OnBar(in first, first.EndNs);

        Assert.Equal(ReasonCode.DuplicateBar, _guard.OnBar(in restamped, restamped.EndNs).Reason.Code);
    }

    [Fact]
    public void Series_of_different_symbols_and_timeframes_are_ordered_independently()
    {
        Bar minute = SessionBars.Minute(2024, 3, 5, 15, 59);
        Bar daily = SessionBars.Daily(new DateOnly(2024, 3, 4));
        Bar otherSymbol = SessionBars.Minute(2024, 3, 5, 9, 30);
        otherSymbol.Symbol = new SymbolId(2);

        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in minute, minute.EndNs).Action);
        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in daily, minute.EndNs).Action);
        Assert.Equal(IntegrityAction.Accept, _guard.OnBar(in otherSymbol, minute.EndNs).Action);
    }

    [Fact]
    public void Event_time_going_backwards_halts()
    {
        Bar first = SessionBars.Minute(2024, 3, 5, 10, 0);
        Bar second = SessionBars.Minute(2024, 3, 5, 10, 1);
        _guard.OnBar(in first, second.EndNs + 1_000);

        IntegrityDecision decision = _guard.OnBar(in second, second.EndNs);

        Assert.Equal(IntegrityAction.Halt, decision.Action);
        Assert.Equal(ReasonCode.TimeWentBackwards, decision.Reason.Code);
        Assert.Equal(IntegrityState.Halted, _guard.State);
    }
}
