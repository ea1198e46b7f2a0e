using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// The first stage: routes the event to its engine (refusing events for unknown engines and of unknown kinds), runs
/// the engine's integrity guard on bars and timer ticks, and keeps the operator's arm state. Its outputs: whether
/// the event was refused, the guard's decision, and whether the engine is armed. Engines boot disarmed.
/// </summary>
public sealed class IntegrityStage : IValueEventHandler<PipelineEvent>
{
    private readonly EngineIndex _engines;
    private readonly IntegrityGuard[] _guards;
    private readonly bool[] _operatorArmed;

    /// <summary>Creates the stage for <paramref name="engines"/>.</summary>
    public IntegrityStage(IReadOnlyList<EngineSpec> engines, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(engines);
        _engines = new EngineIndex(engines);
        _guards = new IntegrityGuard[engines.Count];
        _operatorArmed = new bool[engines.Count];
        for (int i = 0; i < engines.Count; i++)
        {
            EngineSpec spec = engines[i];
            IReadOnlyList<Timeframe> timeframes = spec.Integrity.Timeframes.Contains(spec.Timeframe)
                ? spec.Integrity.Timeframes
                : [.. spec.Integrity.Timeframes, spec.Timeframe];
            _guards[i] = new IntegrityGuard(calendar, spec.Integrity with { SymbolCapacity = spec.SymbolCapacity, Timeframes = timeframes });
        }
    }

    /// <summary>The guard of the engine at <paramref name="index"/> (for inspection once the pipeline stopped).</summary>
    public IntegrityGuard GuardAt(int index) => _guards[index];

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        data.Refused = Reason.None;
        int engine = _engines.Of(data.EngineId);
        if (engine < 0)
        {
            data.Integrity = default;
            data.Refused = new Reason(ReasonCode.UnknownEngine, SymbolId.None, data.EventTimeNs, data.EngineId, 0);
            data.Armed = false;
            data.NotArmedReason = data.Refused;
            return;
        }

        IntegrityGuard guard = _guards[engine];
        switch (data.Kind)
        {
            case PipelineEventKind.Bar:
                guard.OnBar(in data.Bar, data.EventTimeNs, out data.Integrity);
                break;
            case PipelineEventKind.Timer:
                data.Integrity = guard.OnTimer(data.EventTimeNs);
                break;
            case PipelineEventKind.Broker:
                data.Integrity = default;
                break;
            case PipelineEventKind.RestoreOrder or PipelineEventKind.RestoreRequest or PipelineEventKind.RestoreBroker
                or PipelineEventKind.RestoreRisk:
                // The journal's past, put back at start: no market data to judge, no new order to open.
                data.Integrity = default;
                break;
            case PipelineEventKind.Control:
                data.Integrity = default;
                data.Refused = Control(engine, guard, in data.Control, data.EventTimeNs);
                break;
            case PipelineEventKind.CorporateAction:
                data.Integrity = guard.OnCorporateAction(data.CorporateAction.Symbol, data.EventTimeNs);
                break;
            default:
                data.Integrity = default;
                data.Refused = new Reason(ReasonCode.MalformedEvent, SymbolId.None, data.EventTimeNs, (long)data.Kind, sequence);
                break;
        }

        bool operatorArmed = _operatorArmed[engine];
        data.Armed = operatorArmed && guard.IsArmed;
        data.NotArmedReason = data.Armed
            ? Reason.None
            : !operatorArmed ? new Reason(ReasonCode.Disarmed, SymbolId.None, data.EventTimeNs, 0, 0) : guard.StickyDecision.Reason;
    }

    private Reason Control(int engine, IntegrityGuard guard, in ControlCommand command, long eventTimeNs)
    {
        switch (command.Kind)
        {
            case ControlKind.Arm:
                _operatorArmed[engine] = true;
                guard.Arm();
                return Reason.None;
            case ControlKind.Disarm:
                _operatorArmed[engine] = false;
                return Reason.None;
            case ControlKind.ClearHalt:
                guard.ClearHalt();
                return Reason.None;
            case ControlKind.ExpectSeries:
                return Expect(guard, in command, eventTimeNs);
            case ControlKind.Halt or ControlKind.KillSwitchOn or ControlKind.KillSwitchOff
                or ControlKind.ReconcileClean or ControlKind.ReconcileDirty:
                return Reason.None;
            default:
                return new Reason(ReasonCode.UnknownCommand, SymbolId.None, eventTimeNs, (long)command.Kind, 0);
        }
    }

    private static Reason Expect(IntegrityGuard guard, in ControlCommand command, long eventTimeNs)
    {
        try
        {
            guard.Expect(command.Symbol, command.Timeframe, command.Value);
            return Reason.None;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A setup command with a series the guard does not track: refused with the series as evidence.
            return new Reason(ReasonCode.UntrackedTimeframe, command.Symbol, eventTimeNs, command.Timeframe.Minutes, command.Value);
        }
    }
}
