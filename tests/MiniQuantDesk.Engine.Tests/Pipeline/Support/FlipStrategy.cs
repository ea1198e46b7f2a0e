using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>A strategy that wants to trade on every bar: long <c>quantity</c> shares when the close's whole-dollar
/// part is even, flat when odd. Random closes make it trade often, which is what stream tests need.</summary>
internal sealed class FlipStrategy(long quantity) : IStrategy
{
    public string Name => "flip";

    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets) =>
        targets.TrySet(new TargetPosition(bar.Symbol, bar.Close.Micros / 1_000_000 % 2 == 0 ? quantity : 0));
}
