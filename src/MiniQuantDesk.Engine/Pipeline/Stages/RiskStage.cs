using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// The third stage: the account-level risk of each engine. It follows the account (its own
/// <see cref="AccountMirror"/>, from accepted bars and fill reports) and judges, as the equity moves, the daily loss
/// limit (halt) and the drawdown limit (flatten and halt); it counts broker rejections (reject storm) and day trades
/// (PDT), and takes the operator's halt and kill switch. It writes the account's <see cref="RiskSnapshot"/> into the
/// slot, which the gateway stage judges each order with, and what it decided at this event.
/// </summary>
public sealed class RiskStage : IValueEventHandler<PipelineEvent>
{
    private readonly EngineIndex _engines;
    private TradingDayCursor _tradingDay;
    private readonly RiskEngine[] _risks;
    private readonly AccountMirror[] _accounts;

    /// <summary>Creates the stage for <paramref name="engines"/>.</summary>
    public RiskStage(IReadOnlyList<EngineSpec> engines, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(calendar);
        _tradingDay = new TradingDayCursor(calendar);
        _engines = new EngineIndex(engines);
        _risks = new RiskEngine[engines.Count];
        _accounts = new AccountMirror[engines.Count];
        for (int i = 0; i < engines.Count; i++)
        {
            EngineSpec spec = engines[i];
            _risks[i] = new RiskEngine(spec.Risk);
            _accounts[i] = new AccountMirror(spec.EngineId, spec.InitialCash, spec.SymbolCapacity, spec.FillCapacity);
        }
    }

    /// <summary>The risk engine of the engine at <paramref name="index"/> (for inspection once the pipeline stopped).</summary>
    public RiskEngine RiskAt(int index) => _risks[index];

    /// <summary>The account copy risk judges the engine at <paramref name="index"/> by (for inspection once the
    /// pipeline stopped).</summary>
    public AccountMirror AccountAt(int index) => _accounts[index];

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        data.RiskEvent = RiskDecision.Allow;
        int engine = _engines.Of(data.EngineId);
        if (engine < 0)
        {
            data.Risk = default;
            data.RiskState = default;
            return;
        }

        RiskEngine risk = _risks[engine];
        _tradingDay.TryGetTradingDayOrdinal(data.EventTimeNs, out int tradingDay);
        if (!data.Refused.IsSet)
        {
            Judge(ref data, risk, _accounts[engine], tradingDay);
        }

        risk.WriteSnapshot(data.EventTimeNs, tradingDay, ref data.Risk);
        data.RiskState = risk.Checkpoint;
    }

    /// <summary>Writes what risk decided at this event into <see cref="PipelineEvent.RiskEvent"/>, which holds
    /// <see cref="RiskDecision.Allow"/> already: a bar that risk allows leaves it as it is.</summary>
    private static void Judge(ref PipelineEvent data, RiskEngine risk, AccountMirror account, int tradingDay)
    {
        if (data.Kind != PipelineEventKind.Bar || !data.Integrity.IsNewBar)
        {
            data.RiskEvent = JudgeEvent(ref data, risk, account, tradingDay);
            return;
        }

        account.Mark(data.Bar.Symbol, data.Bar.Close);
        OnEquity(risk, account, data.EventTimeNs, tradingDay, data.Bar.Symbol, ref data.RiskEvent);
    }

    /// <summary>What risk decides at an event other than a new bar (out of line: the usual event is a bar, and these
    /// cases' temporaries would enlarge its frame).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RiskDecision JudgeEvent(ref PipelineEvent data, RiskEngine risk, AccountMirror account, int tradingDay)
    {
        long at = data.EventTimeNs;
        switch (data.Kind)
        {
            case PipelineEventKind.Broker when data.Broker.Kind == BrokerEventKind.Fill:
                return OnFill(ref data, risk, account, tradingDay);
            case PipelineEventKind.Broker when data.Broker.Kind == BrokerEventKind.Reject:
                return risk.RecordReject(at);
            case PipelineEventKind.RestoreBroker when data.Broker.Kind == BrokerEventKind.Fill:
                return RestoreSteps.ForRisk(in data, risk, account, tradingDay);
            case PipelineEventKind.RestoreBroker when data.Broker.Kind == BrokerEventKind.Reject:
                risk.RestoreReject(at);
                return RiskDecision.Allow;
            case PipelineEventKind.RestoreRisk:
                return RestoreSteps.RestoreRisk(in data, risk);
            case PipelineEventKind.Control:
                return Control(in data.Control, risk, at);
            case PipelineEventKind.CorporateAction:
                return CorporateActionSteps.ForRisk(in data, risk, account, tradingDay);
            default:
                return RiskDecision.Allow;
        }
    }

    private static RiskDecision OnFill(ref PipelineEvent data, RiskEngine risk, AccountMirror account, int tradingDay)
    {
        long at = data.EventTimeNs;
        SymbolId symbol = data.Broker.Symbol;
        switch (account.ApplyFill(in data.Broker, tradingDay))
        {
            case MirrorFill.AppliedDayTrade:
                risk.RecordDayTrade(tradingDay);
                return OnEquity(risk, account, at, tradingDay, symbol);
            case MirrorFill.Applied:
                return OnEquity(risk, account, at, tradingDay, symbol);
            case MirrorFill.Overflow:
                return HaltWith(risk, new Reason(ReasonCode.ArithmeticOverflow, symbol, at, data.Broker.Quantity, data.Broker.Price.Micros));
            case MirrorFill.Full:
                return HaltWith(risk, new Reason(ReasonCode.CapacityExceeded, symbol, at, data.Broker.FillId, 0));
            default:
                return RiskDecision.Allow;
        }
    }

    internal static RiskDecision OnEquity(RiskEngine risk, AccountMirror account, long at, int tradingDay, SymbolId symbol)
    {
        RiskDecision decision = RiskDecision.Allow;
        OnEquity(risk, account, at, tradingDay, symbol, ref decision);
        return decision;
    }

    /// <summary>
    /// Judges the account's equity after a mark or a fill, writing into <paramref name="decision"/> only when risk
    /// does not allow (on a bar, the slot's decision, which holds Allow already). Only the action comes back through
    /// the call on every bar: a decision struct written field by field and then read back whole stalls the
    /// processor, which cannot forward such a read from the pending writes.
    /// </summary>
    private static void OnEquity(RiskEngine risk, AccountMirror account, long at, int tradingDay, SymbolId symbol, ref RiskDecision decision)
    {
        if (!account.TryGetEquity(out Money equity))
        {
            decision = HaltOnOverflow(risk, account, at, symbol);
            return;
        }

        RiskAction action = risk.JudgeEquity(at, tradingDay, equity);
        if (action != RiskAction.Allow)
        {
            decision = new RiskDecision(action, risk.AccountReason);
        }
    }

    /// <summary>The halt for an equity that overflows (out of line, as every rare path here: its temporaries would
    /// otherwise enlarge, and be zeroed in, the frame of every bar).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RiskDecision HaltOnOverflow(RiskEngine risk, AccountMirror account, long at, SymbolId symbol) =>
        HaltWith(risk, new Reason(ReasonCode.ArithmeticOverflow, symbol, at, account.Cash.Micros, 0));

    private static RiskDecision Control(in ControlCommand command, RiskEngine risk, long at)
    {
        switch (command.Kind)
        {
            case ControlKind.KillSwitchOn:
                risk.SetKillSwitch(true);
                break;
            case ControlKind.KillSwitchOff:
                risk.SetKillSwitch(false);
                break;
            case ControlKind.Halt:
                return HaltWith(risk, new Reason(ReasonCode.OperatorHalt, SymbolId.None, at, 0, 0));
            case ControlKind.ClearHalt:
                risk.ClearHalt();
                break;
        }

        return RiskDecision.Allow;
    }

    internal static RiskDecision HaltWith(RiskEngine risk, Reason reason)
    {
        bool first = !risk.IsHalted;
        risk.Halt(reason);
        return first ? new RiskDecision(RiskAction.Halt, reason) : RiskDecision.Allow;
    }
}
