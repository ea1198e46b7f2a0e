using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Strategy;

/// <summary>
/// A trading strategy: it sees complete bars of one timeframe, its own position and cash, and answers with target
/// positions. It must be deterministic (same bars and account in, same targets out), read no clock, do no I/O and
/// allocate nothing per bar: that is what lets a backtest and live run the same strategy identically.
/// </summary>
public interface IStrategy
{
    /// <summary>The catalogue name, e.g. <c>sma-cross</c>.</summary>
    string Name { get; }

    /// <summary>Handles a complete bar; sets <paramref name="targets"/> to change positions, or leaves it empty.</summary>
    void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets);

    /// <summary>
    /// Learns of a corporate action of one of its symbols, before the first bar on the new basis. A strategy that
    /// keeps a price history puts it on the new basis at a split (divide it by the ratio), so that the split's price
    /// jump does not read as a move of the market. The account it will see next already holds the new position. By
    /// default nothing: a strategy with no price history has nothing to rescale.
    /// </summary>
    void OnCorporateAction(in CorporateActionEvent action)
    {
    }
}
