using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Benchmarks.Journal;

/// <summary>A strategy that wants one share, then none, then one again, bar after bar, so every bar makes exactly
/// one new order (the journal benchmark's workload: one outbox row per bar) while the position and its lots stay
/// tiny, which keeps the engine's own cost out of the way of the journal's.</summary>
public sealed class AlternatingStrategy : IStrategy
{
    private long _bars;

    /// <inheritdoc />
    public string Name => "alternating";

    /// <inheritdoc />
    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets) =>
        targets.TrySet(new TargetPosition(bar.Symbol, ++_bars % 2));
}
