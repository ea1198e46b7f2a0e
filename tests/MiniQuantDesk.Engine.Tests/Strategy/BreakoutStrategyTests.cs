using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Strategy;
using MiniQuantDesk.Engine.Strategy.Builtin;

namespace MiniQuantDesk.Engine.Tests.Strategy;

/// <summary><c>breakout</c> enters on a close above the previous highs and exits on a close below the previous lows.</summary>
public sealed class BreakoutStrategyTests
{
    [Fact]
    public void A_close_above_the_previous_highs_enters_and_a_close_below_the_previous_lows_exits()
    {
        var strategy = new BreakoutStrategy(entry: 2, exit: 2, quantity: 50);
        (long High, long Low, long Close)[] bars = [(10, 8, 9), (11, 9, 10), (12, 10, 12), (13, 11, 12), (12, 9, 9)];
        long position = 0;
        var seen = new List<string>();
        for (int t = 0; t < bars.Length; t++)
        {
            var targets = default(TargetPositions);
            Bar bar = new()
            {
                Symbol = new SymbolId(1),
                Timeframe = Timeframe.Daily,
                StartNs = t,
                EndNs = t + 1,
                Open = new Price(bars[t].Close),
                High = new Price(bars[t].High),
                Low = new Price(bars[t].Low),
                Close = new Price(bars[t].Close),
                IsComplete = true,
            };
            strategy.OnBar(in bar, new StrategyAccount(position, Money.Zero), ref targets);
            if (targets.Count > 0)
            {
                position = targets[0].Shares;
                seen.Add($"{t}:{position}");
            }
        }

        // Bar 2 closes at 12 above the highs 10 and 11; bar 4 closes at 9 below the lows 10 and 11.
        Assert.Equal(["2:50", "4:0"], seen);
    }
}
