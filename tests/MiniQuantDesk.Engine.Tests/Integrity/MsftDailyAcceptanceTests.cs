using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Tests.Market;
using MiniQuantDesk.Engine.Tests.Support;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>
/// Acceptance over 32 years of real daily bars (MSFT, 1990-01-02 to 2022-03-10, 8,111 sessions): the calendar-aware
/// gap check finds nothing missing in the complete file, and finds every single trading day taken out of it.
/// </summary>
public sealed class MsftDailyAcceptanceTests
{
    private static readonly IntegrityOptions s_options = new() { SymbolCapacity = 1, Timeframes = [Timeframe.Daily], StaleAfterNs = 60_000_000_000L };

    [SharedDataFact]
    public void Over_the_whole_MSFT_file_the_guard_finds_no_gap_and_accepts_every_bar()
    {
        (DateOnly Date, Bar Bar)[] rows = DailyBarFile.Read(SharedData.PathOf("MSFT_1d_adj.csv"), SessionBars.Msft);
        var guard = new IntegrityGuard(NyseCalendar.Default, s_options);
        guard.Expect(SessionBars.Msft, Timeframe.Daily, NewYork.At(1990, 1, 1, 0, 0));

        foreach ((DateOnly date, Bar bar) in rows)
        {
            IntegrityDecision decision = guard.OnBar(in bar, bar.EndNs);
            Assert.True(decision.IsNewBar, $"{date}: {decision.Describe()}");
        }

        Assert.Equal(8_111, rows.Length);
    }

    [SharedDataFact]
    public void Removing_any_trading_day_from_the_MSFT_file_is_reported_as_a_gap_of_one_after_the_day_before()
    {
        (DateOnly Date, Bar Bar)[] rows = DailyBarFile.Read(SharedData.PathOf("MSFT_1d_adj.csv"), SessionBars.Msft);

        // An interior day: the verdict on a bar depends only on its series' last accepted bar, so taking day i out
        // is judged exactly by handing the guard day i − 1 and then day i + 1.
        for (int i = 1; i < rows.Length - 1; i++)
        {
            var guard = new IntegrityGuard(NyseCalendar.Default, s_options);
            guard.OnBar(in rows[i - 1].Bar, rows[i - 1].Bar.EndNs);

            IntegrityDecision decision = guard.OnBar(in rows[i + 1].Bar, rows[i + 1].Bar.EndNs);

            Assert.True(
                decision.Reason.Code == ReasonCode.GapDetected && decision.Reason.Observed == 1 && decision.Evidence.ReferenceNs == rows[i - 1].Bar.StartNs,
                $"removing {rows[i].Date}: {decision.Describe()}");
        }

        // The first day: the series is expected from the first day of 1990, so its absence is a gap too.
        var fromStart = new IntegrityGuard(NyseCalendar.Default, s_options);
        fromStart.Expect(SessionBars.Msft, Timeframe.Daily, NewYork.At(1990, 1, 1, 0, 0));
        Assert.Equal(ReasonCode.GapDetected, fromStart.OnBar(in rows[1].Bar, rows[1].Bar.EndNs).Reason.Code);

        // The last day: no later bar reveals it, but the feed goes stale once that session's bar is overdue.
        var toEnd = new IntegrityGuard(NyseCalendar.Default, s_options);
        toEnd.OnBar(in rows[^2].Bar, rows[^2].Bar.EndNs);
        long lastClose = NyseCalendar.Default.SessionCloseNs(rows[^1].Date);
        Assert.Equal(ReasonCode.StaleFeed, toEnd.OnTimer(lastClose + s_options.StaleAfterNs + 1).Reason.Code);
    }

    [SharedDataFact]
    public void Removing_random_days_from_a_full_run_reports_one_gap_exactly_where_each_day_was_taken_out()
    {
        (DateOnly Date, Bar Bar)[] rows = DailyBarFile.Read(SharedData.PathOf("MSFT_1d_adj.csv"), SessionBars.Msft);
        Arbitrary<int[]> removals = Gen.ArrayOf(Gen.Choose(1, rows.Length - 2)).Select(r => r.Distinct().Order().ToArray()).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), Prop.ForAll(removals, removed =>
        {
            var guard = new IntegrityGuard(NyseCalendar.Default, s_options);
            var gapsAt = new List<int>();
            for (int i = 0; i < rows.Length; i++)
            {
                if (Array.BinarySearch(removed, i) >= 0)
                {
                    continue;
                }

                IntegrityDecision decision = guard.OnBar(in rows[i].Bar, rows[i].Bar.EndNs);
                if (decision.Action == IntegrityAction.Disarm && decision.Evidence.BarStartNs == rows[i].Bar.StartNs)
                {
                    gapsAt.Add(i);
                    guard.Arm();
                }
            }

            // Each run of adjacent removed days is one gap, reported on the first bar after the run.
            int[] expected = [.. removed.Where(r => Array.BinarySearch(removed, r + 1) < 0).Select(r => r + 1)];
            return gapsAt.SequenceEqual(expected);
        }));
    }
}
