using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>
/// One ring slot: an input written by a producer (a bar, a timer tick, a broker message or an operator command for
/// one engine) and the outputs the business-logic stages write while handling it, in chain order — integrity, then
/// strategy, then risk, then the gateway (with the order manager and the portfolio). Each stage writes only its own
/// outputs and reads only the input and the outputs of the stages before it, so the stages can run fused on one
/// thread or each on its own thread (chained by sequence barriers) and reach the same decisions.
/// <para>Pre-allocated in the ring and reused: a stage overwrites all of its outputs on every event, so a producer
/// writes the input fields only. Plain fields and inline buffers, no references to the heap except the gateway's
/// approval token: nothing allocates per event.</para>
/// </summary>
public struct PipelineEvent
{
    // ----- Input, written by the producer. -----

    /// <summary>What the slot carries.</summary>
    public PipelineEventKind Kind;

    /// <summary>The engine the event is for. Market data is published once per engine that trades it.</summary>
    public int EngineId;

    /// <summary>The event's time, UTC nanoseconds: the only clock the engine reads.</summary>
    public long EventTimeNs;

    /// <summary>The bar, for <see cref="PipelineEventKind.Bar"/>.</summary>
    public Bar Bar;

    // ----- Integrity stage. -----

    /// <summary>Why the event was refused outright (unknown engine, unknown kind or command), before any stage used it;
    /// <see cref="Reason.None"/> for an event the stages handle.</summary>
    public Reason Refused;

    /// <summary>True when the engine may open risk: the operator armed it and the integrity guard is armed.</summary>
    public bool Armed;

    /// <summary>Why the engine is not armed (<see cref="ReasonCode.Disarmed"/> before the operator arms it, or the
    /// guard's sticky reason).</summary>
    public Reason NotArmedReason;

    /// <summary>The integrity guard's decision about the bar or timer tick.</summary>
    public IntegrityDecision Integrity;

    // ----- Strategy stage. -----

    /// <summary>The strategy's target positions for an accepted bar.</summary>
    public TargetPositions Targets;

    /// <summary>Why the strategy produced no targets when it could not (wrong timeframe, too many targets, shadow
    /// mode), or <see cref="Reason.None"/>.</summary>
    public Reason StrategyReason;

    // ----- Risk stage. -----

    /// <summary>The account-level risk state after the event, for the gateway's per-order checks.</summary>
    public RiskSnapshot Risk;

    /// <summary>What risk decided about the account at this event: allow, halt (daily loss, reject storm, operator) or
    /// flatten and halt (drawdown).</summary>
    public RiskDecision RiskEvent;

    /// <summary>The engine's equity baselines and kill switch after the event, for the journal to keep.</summary>
    public RiskCheckpoint RiskState;

    // ----- Gateway stage (with the order manager and the portfolio). -----

    /// <summary>What the order manager did with a broker message.</summary>
    public OrderEventResult OrderEvent;

    /// <summary>What the portfolio did with the fill of that message, if it had one.</summary>
    public FillResult PortfolioFill;

    /// <summary>The first reason this event halted the engine for, from any stage; <see cref="Reason.None"/> when it
    /// did not halt it (an engine already halted keeps its earlier reason in <see cref="EngineHalt"/>).</summary>
    public Reason HaltedNow;

    /// <summary>The engine's sticky halt after the event (the first halt of any stage), or <see cref="Reason.None"/>.</summary>
    public Reason EngineHalt;

    /// <summary>Every command the event put to the gateway, and the answer.</summary>
    public CommandDecisions Decisions;

    /// <summary>The cancels this event queued until the broker names their orders (the journal keeps them).</summary>
    public QueuedCancels QueuedCancels;

    // ----- Input of the rarer kinds, last. -----
    // The slot is laid out in declaration order: a bar's input and every output a stage writes on every event come
    // first and close together, so handling a bar touches a few adjacent cache lines; the broker message, the
    // operator command and the decisions' inline buffer (which most bars leave empty) lie beyond them.

    /// <summary>The broker's message, for <see cref="PipelineEventKind.Broker"/>.</summary>
    public BrokerOrderEvent Broker;

    /// <summary>The operator's command, for <see cref="PipelineEventKind.Control"/>.</summary>
    public ControlCommand Control;

    /// <summary>The corporate action, for <see cref="PipelineEventKind.CorporateAction"/>.</summary>
    public CorporateActionEvent CorporateAction;

    /// <summary>The order put back, for <see cref="PipelineEventKind.RestoreOrder"/>.</summary>
    public RestoredOrder Restore;

    /// <summary>The request put back, for <see cref="PipelineEventKind.RestoreRequest"/>.</summary>
    public RestoredRequest RestoreRequest;

    /// <summary>The risk state put back, for <see cref="PipelineEventKind.RestoreRisk"/>.</summary>
    public RiskCheckpoint RestoredRisk;

    /// <summary>Writes a bar event for <paramref name="engineId"/>, used from its close on.</summary>
    public void SetBar(int engineId, in Bar bar)
    {
        Kind = PipelineEventKind.Bar;
        EngineId = engineId;
        EventTimeNs = bar.EndNs;
        Bar = bar;
    }

    /// <summary>Writes a broker event; the engine comes from the client order id (its first field).</summary>
    public void SetBroker(in BrokerOrderEvent brokerEvent)
    {
        Kind = PipelineEventKind.Broker;
        EngineId = brokerEvent.ClientOrderId.EngineId;
        EventTimeNs = brokerEvent.EventTimeNs;
        Broker = brokerEvent;
    }

    /// <summary>Writes an operator command for <paramref name="engineId"/> at <paramref name="eventTimeNs"/>.</summary>
    public void SetControl(int engineId, long eventTimeNs, in ControlCommand command)
    {
        Kind = PipelineEventKind.Control;
        EngineId = engineId;
        EventTimeNs = eventTimeNs;
        Control = command;
    }

    /// <summary>Writes a corporate action for <paramref name="engineId"/> at <paramref name="eventTimeNs"/> (the
    /// ex-date's session open: see <see cref="CorporateActionEvent"/>).</summary>
    public void SetCorporateAction(int engineId, long eventTimeNs, in CorporateActionEvent action)
    {
        Kind = PipelineEventKind.CorporateAction;
        EngineId = engineId;
        EventTimeNs = eventTimeNs;
        CorporateAction = action;
    }

    /// <summary>Writes a timer tick for <paramref name="engineId"/>.</summary>
    public void SetTimer(int engineId, long eventTimeNs)
    {
        Kind = PipelineEventKind.Timer;
        EngineId = engineId;
        EventTimeNs = eventTimeNs;
    }
}
