using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.CrashChild;

/// <summary>
/// A strategy that trades on almost every bar, so that a kill at any moment is likely to land in the middle of an
/// order's life: its target is 0 to 4 shares, read off the cents of the close. Deterministic, no clock, no I/O.
/// </summary>
public sealed class ChurnStrategy : IStrategy
{
    /// <summary>The largest target, in shares.</summary>
    public const long MaxShares = 4;

    /// <inheritdoc />
    public string Name => "churn";

    /// <inheritdoc />
    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets) =>
        targets.TrySet(new TargetPosition(bar.Symbol, bar.Close.Micros / 10_000 % (MaxShares + 1)));
}
