using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Strategy;
using MiniQuantDesk.Engine.Strategy.Builtin;
using MiniQuantDesk.Engine.Tests.Pipeline.Support;

namespace MiniQuantDesk.Engine.Tests.Strategy;

/// <summary>The built-in strategies put their price history on a split's new basis, so the split's price jump is
/// not read as a signal. Each scenario also runs without the hook, to show the jump would have been one.</summary>
public sealed class SplitRescalingTests
{
    private static readonly SymbolId s_symbol = new(1);

    [Theory]
    [InlineData(true, -1)]
    [InlineData(false, 0)]
    public void Sma_cross_sees_no_cross_down_at_a_two_for_one_split_of_a_rising_price(bool told, long expectedTarget)
    {
        var strategy = new SmaCrossStrategy(3, 10, 100);
        var account = new StrategyAccount(100, Money.Zero);
        for (int day = 0; day < 12; day++)
        {
            Feed(strategy, day, (100 + day) * Micros.PerUnit, account);
        }

        if (told)
        {
            strategy.OnCorporateAction(CorporateActionEvent.Split(s_symbol, new SplitRatio(2, 1), new Price(111 * Micros.PerUnit)));
        }

        long target = Feed(strategy, 12, 56 * Micros.PerUnit, account with { Position = 200 });

        Assert.Equal(expectedTarget, target);
    }

    [Theory]
    [InlineData(true, -1)]
    [InlineData(false, 100)]
    public void Breakout_sees_no_breakout_at_a_one_for_two_reverse_split_of_a_flat_price(bool told, long expectedTarget)
    {
        var strategy = new BreakoutStrategy(5, 5, 100);
        var flat = new StrategyAccount(0, Money.Zero);
        for (int day = 0; day < 8; day++)
        {
            Feed(strategy, day, 50 * Micros.PerUnit, flat);
        }

        if (told)
        {
            strategy.OnCorporateAction(CorporateActionEvent.Split(s_symbol, new SplitRatio(1, 2), new Price(50 * Micros.PerUnit)));
        }

        long target = Feed(strategy, 8, 100 * Micros.PerUnit, flat);

        Assert.Equal(expectedTarget, target);
    }

    /// <summary>Hands one daily bar to the strategy; the target it set, or −1 for none.</summary>
    private static long Feed(IStrategy strategy, int day, long closeMicros, StrategyAccount account)
    {
        var targets = default(TargetPositions);
        strategy.OnBar(Sessions.Daily(s_symbol, Sessions.Day(day), closeMicros), account, ref targets);
        return targets.Count == 0 ? -1 : targets[0].Shares;
    }
}
