using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Strategy;
using MiniQuantDesk.Engine.Strategy.Builtin;
using MiniQuantDesk.Engine.Tests.Support;

namespace MiniQuantDesk.Engine.Tests.Strategy;

/// <summary><c>sma-cross</c> decides exactly as the independent reference: same signals, same exact ties.</summary>
public sealed class SmaCrossStrategyTests
{
    private static readonly SymbolId s_msft = new(1);

    [SharedDataFact]
    public void Sma_cross_takes_every_action_of_the_independent_reference_on_the_same_day()
    {
        (DateOnly Date, Bar Bar)[] bars = DailyBarFile.Read(SharedData.PathOf("MSFT_1d_adj.csv"), s_msft);
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("MSFT_sma10_30.expected.json")));
        string[] expectedActions = [.. expected.RootElement.GetProperty("signals").EnumerateArray()
            .Where(s => s.GetProperty("action").GetString() != "none")
            .Select(s => $"{s.GetProperty("date").GetString()} {s.GetProperty("action").GetString()}")];

        List<string> actions = RunWithNextOpenFills(new SmaCrossStrategy(10, 30, 100), bars);

        Assert.Equal(expectedActions, actions);
        Assert.Equal(2 * 149, actions.Count);
    }

    [Fact]
    public void An_exact_tie_between_the_averages_is_not_a_cross()
    {
        // Fast 1, slow 2: diff sign = sign(2·c[t] − (c[t] + c[t−1])) = sign(c[t] − c[t−1]).
        var strategy = new SmaCrossStrategy(1, 2, 10);
        long[] closes = [10, 9, 9, 10];  // down, tie (stays "down"), then up: a cross up only at the last bar.
        var targetsSeen = new List<long>();
        for (int t = 0; t < closes.Length; t++)
        {
            var targets = default(TargetPositions);
            strategy.OnBar(Bar(t, closes[t]), new StrategyAccount(0, Money.Zero), ref targets);
            targetsSeen.Add(targets.Count == 0 ? -1 : targets[0].Shares);
        }

        Assert.Equal([-1, -1, -1, 10], targetsSeen);
    }

    [Fact]
    public void A_cross_up_while_already_long_sets_no_target()
    {
        var strategy = new SmaCrossStrategy(1, 2, 10);
        long[] closes = [10, 9, 10];
        var targets = default(TargetPositions);
        for (int t = 0; t < closes.Length; t++)
        {
            targets.Clear();
            strategy.OnBar(Bar(t, closes[t]), new StrategyAccount(10, Money.Zero), ref targets);
        }

        Assert.Equal(0, targets.Count);
    }

    [Fact]
    public void The_same_bars_always_give_the_same_targets()
    {
        Prop.ForAll<int[]>(raw =>
        {
            long[] closes = [.. raw.Select(v => 1 + (long)Math.Abs(v % 1000))];
            return string.Join(",", Targets(closes)) == string.Join(",", Targets(closes));
        }).QuickCheckThrowOnFailure();
    }

    internal static List<string> RunWithNextOpenFills(IStrategy strategy, (DateOnly Date, Bar Bar)[] bars)
    {
        var actions = new List<string>();
        long position = 0;
        long? pending = null;
        var targets = default(TargetPositions);
        foreach ((DateOnly date, Bar bar) in bars)
        {
            if (pending is long target)
            {
                position = target;
                pending = null;
            }

            strategy.OnBar(in bar, new StrategyAccount(position, Money.Zero), ref targets);
            if (targets.Count > 0)
            {
                pending = targets[0].Shares;
                actions.Add($"{date:yyyy-MM-dd} {(targets[0].Shares > position ? "BUY" : "SELL")}");
                targets.Clear();
            }
        }

        return actions;
    }

    private static List<long> Targets(long[] closes)
    {
        var strategy = new SmaCrossStrategy(2, 5, 7);
        var seen = new List<long>();
        long position = 0;
        for (int t = 0; t < closes.Length; t++)
        {
            var targets = default(TargetPositions);
            strategy.OnBar(Bar(t, closes[t]), new StrategyAccount(position, Money.Zero), ref targets);
            if (targets.Count > 0)
            {
                position = targets[0].Shares;
                seen.Add(t * 1000 + position);
            }
        }

        return seen;
    }

    private static Bar Bar(int index, long close) => TestBars.Flat(s_msft, index, close);
}
