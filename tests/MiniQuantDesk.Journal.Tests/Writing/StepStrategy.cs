using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>A strategy whose target on its n-th bar is the n-th of <paramref name="steps"/> (the last one after
/// that): a scenario decides exactly which orders the engine makes.</summary>
internal sealed class StepStrategy(params long[] steps) : IStrategy
{
    private int _bars;

    public string Name => "steps";

    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets) =>
        targets.TrySet(new TargetPosition(bar.Symbol, steps[Math.Min(_bars++, steps.Length - 1)]));
}
