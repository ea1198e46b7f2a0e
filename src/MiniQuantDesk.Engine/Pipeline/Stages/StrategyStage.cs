using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Strategy;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// The second stage: hands every bar the integrity guard accepted to the engine's strategy, with the strategy's own
/// position and cash, and writes the strategy's target positions into the slot. The account it shows the strategy
/// is this stage's own <see cref="AccountMirror"/>, followed from the broker's fill reports, so the stage never reads
/// another stage's state. The strategy sees every accepted bar, armed or not, so that its indicators are current
/// when the engine is armed; whether its targets may trade is for the gateway.
/// </summary>
public sealed class StrategyStage : IValueEventHandler<PipelineEvent>
{
    private readonly EngineIndex _engines;
    private readonly StrategyHost[] _hosts;
    private readonly AccountMirror[] _accounts;

    /// <summary>Creates the stage for <paramref name="engines"/>, each with a fresh strategy from its factory.</summary>
    public StrategyStage(IReadOnlyList<EngineSpec> engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        _engines = new EngineIndex(engines);
        _hosts = new StrategyHost[engines.Count];
        _accounts = new AccountMirror[engines.Count];
        for (int i = 0; i < engines.Count; i++)
        {
            EngineSpec spec = engines[i];
            _hosts[i] = new StrategyHost(spec.Strategy(), spec.Timeframe, spec.Shadow, spec.SymbolCapacity);
            _accounts[i] = new AccountMirror(spec.EngineId, spec.InitialCash, spec.SymbolCapacity, spec.FillCapacity);
        }
    }

    /// <summary>The strategy host of the engine at <paramref name="index"/> (for inspection once the pipeline stopped).</summary>
    public StrategyHost HostAt(int index) => _hosts[index];

    /// <summary>The account copy the strategy of the engine at <paramref name="index"/> sees (for inspection once the
    /// pipeline stopped).</summary>
    public AccountMirror AccountAt(int index) => _accounts[index];

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        data.Targets.Clear();
        data.StrategyReason = Reason.None;
        int engine = _engines.Of(data.EngineId);
        if (engine < 0 || data.Refused.IsSet)
        {
            return;
        }

        AccountMirror account = _accounts[engine];
        if (data.Kind == PipelineEventKind.Bar && data.Integrity.IsNewBar)
        {
            // No mark: the strategy sees position and cash only, and neither depends on marks (equity, which does,
            // is never read from this copy).
            var view = new StrategyAccount(account.PositionOf(data.Bar.Symbol), account.Cash);
            _hosts[engine].OnBar(in data.Bar, view, ref data.Targets, out data.StrategyReason);
        }
        else if (data.Kind == PipelineEventKind.Broker && data.Broker.Kind == BrokerEventKind.Fill)
        {
            account.ApplyFill(in data.Broker, tradingDay: 0);
        }
        else if (data.Kind == PipelineEventKind.RestoreBroker && data.Broker.Kind == BrokerEventKind.Fill)
        {
            RestoreSteps.ForStrategy(in data, account);
        }
        else if (data.Kind == PipelineEventKind.CorporateAction)
        {
            CorporateActionSteps.ForStrategy(in data, account, _hosts[engine]);
        }
    }
}
