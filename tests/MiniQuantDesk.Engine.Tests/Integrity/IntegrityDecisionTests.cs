using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Market;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>A halt, disarm or rejection reads as a sentence a person can act on: the code, the series, the evidence
/// and the New York time it refers to.</summary>
public sealed class IntegrityDecisionTests
{
    private static readonly SymbolTable s_symbols = Symbols();

    [Fact]
    public void A_gap_names_the_series_how_many_bars_are_missing_and_after_which_New_York_minute()
    {
        var guard = new IntegrityGuard(NyseCalendar.Default, new IntegrityOptions());
        Bar last = SessionBars.Minute(2024, 3, 5, 10, 41);
        Bar next = SessionBars.Minute(2024, 3, 5, 10, 45);
        guard.OnBar(in last, last.EndNs);

        string text = guard.OnBar(in next, next.EndNs).Describe(s_symbols);

        Assert.Equal(
            "GAP_DETECTED (disarm): MSFT 1m, 3 bars missing after 2024-03-05 10:41 New York (tolerance 0); the bar at 2024-03-05 10:45 New York from feed 0",
            text);
    }

    [Fact]
    public void A_stale_feed_names_the_overdue_bar_and_how_late_it_is()
    {
        var guard = new IntegrityGuard(NyseCalendar.Default, new IntegrityOptions { StaleAfterNs = 120_000_000_000L });
        Bar last = SessionBars.Minute(2024, 3, 5, 10, 0);
        guard.OnBar(in last, last.EndNs);

        string text = guard.OnTimer(NewYork.At(2024, 3, 5, 10, 5)).Describe(s_symbols);

        Assert.Equal("STALE_FEED (disarm): MSFT 1m, the bar due by 2024-03-05 10:02 New York is 180 s late (bound 120 s)", text);
    }

    [Fact]
    public void A_disagreement_names_the_value_and_both_feeds_copies()
    {
        var guard = new IntegrityGuard(NyseCalendar.Default, new IntegrityOptions { FeedCount = 2 });
        Bar primary = SessionBars.Minute(2024, 3, 5, 10, 41);
        Bar copy = SessionBars.Minute(2024, 3, 5, 10, 41, feed: 1);
        copy.Close = new Price(100_250_000);
        guard.OnBar(in primary, primary.EndNs);

        string text = guard.OnBar(in copy, copy.EndNs).Describe(s_symbols);

        Assert.Equal("FEED_DISAGREEMENT (halt): MSFT 1m bar at 2024-03-05 10:41 New York, Close: feed 1 has 100.25, feed 0 had 100.5", text);
    }

    private static SymbolTable Symbols()
    {
        var symbols = new SymbolTable();
        symbols.Register("MSFT");
        return symbols;
    }
}
