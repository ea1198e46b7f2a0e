using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>Buys <paramref name="quantity"/> when flat and then holds, recording the position its account shows on
/// each bar and every corporate action it hears of.</summary>
internal sealed class HoldStrategy(long quantity) : IStrategy
{
    public string Name => "hold";

    public List<long> PositionsSeen { get; } = [];

    public List<CorporateActionEvent> ActionsHeard { get; } = [];

    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets)
    {
        PositionsSeen.Add(account.Position);
        if (account.Position == 0)
        {
            targets.TrySet(new TargetPosition(bar.Symbol, quantity));
        }
    }

    public void OnCorporateAction(in CorporateActionEvent action) => ActionsHeard.Add(action);
}
