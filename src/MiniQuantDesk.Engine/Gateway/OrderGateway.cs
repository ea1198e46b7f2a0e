using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Reconcile;
using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Engine.Gateway;

/// <summary>
/// The single choke point between the engine and any broker. Every submit and replace passes, in this order:
/// integrity armed, risk, reconcile clean and fresh, and the engine's allocation cap; the first that fails refuses
/// the command with its reason. A cancel passes the same gate but every check lets it through, because a cancel
/// can only reduce risk: a disarmed or halted engine must still be able to pull its working orders.
/// Only this class can make an <see cref="ApprovedCommand"/>, the only thing an <see cref="IBroker"/> accepts.
/// </summary>
public sealed class OrderGateway
{
    private readonly GatewayToken _token = GatewayToken.Create();
    private readonly RiskLimits _limits;
    private readonly ReconcileStatus _reconcile;

    /// <summary>Creates the gateway of one engine.</summary>
    public OrderGateway(int engineId, RiskLimits limits, ReconcileStatus reconcile)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(reconcile);
        limits.Validate();
        EngineId = engineId;
        _limits = limits;
        _reconcile = reconcile;
    }

    /// <summary>The engine this gateway belongs to; commands of another engine are refused.</summary>
    public int EngineId { get; }

    /// <summary>Checks a command and approves it, or refuses it with the first failing check's reason.</summary>
    /// <param name="command">The command.</param>
    /// <param name="checks">Integrity, allocation and account-level risk state.</param>
    /// <param name="riskRequest">The order as risk judges it (for a replace: the order it would become).</param>
    public GatewayDecision Decide(in OrderCommand command, in GatewayChecks checks, in OrderRequest riskRequest)
    {
        if (command.EngineId != EngineId || command.ClientOrderId.EngineId != EngineId)
        {
            return Refuse(RiskAction.Halt, new Reason(ReasonCode.WrongEngine, command.Symbol, command.EventTimeNs, command.ClientOrderId.EngineId, EngineId));
        }

        // Cancel and replace always target the broker's id of the order, taken from the broker order map.
        if (command.Kind is CommandKind.Cancel or CommandKind.Replace && !command.Target.IsSet)
        {
            return Refuse(RiskAction.Reject, new Reason(ReasonCode.NoBrokerOrderId, command.Symbol, command.EventTimeNs, command.Order.Value, 0));
        }

        switch (command.Kind)
        {
            case CommandKind.Cancel:
                return Approve(command);
            case CommandKind.Flatten:
                return DecideFlatten(in command, in riskRequest);
            case CommandKind.Submit:
            case CommandKind.Replace:
                break;
            default:
                return Refuse(RiskAction.Halt, new Reason(ReasonCode.MalformedEvent, command.Symbol, command.EventTimeNs, (long)command.Kind, 0));
        }

        if (!checks.IntegrityArmed)
        {
            return Refuse(RiskAction.Reject, new Reason(ReasonCode.IntegrityNotArmed, command.Symbol, command.EventTimeNs, (long)checks.IntegrityReason.Code, 0));
        }

        // The account limits (daily loss, drawdown) sit between these two: they move with the equity, so the risk
        // stage judges them on every mark and fill, and a breach arrives here as the snapshot's sticky halt.
        RiskDecision risk = RiskRules.CheckBeforeAccount(_limits, checks.Risk, in riskRequest);
        if (risk.IsAllowed)
        {
            risk = RiskRules.CheckAfterAccount(_limits, checks.Risk, in riskRequest);
        }

        if (!risk.IsAllowed)
        {
            return Refuse(risk.Action, risk.Reason);
        }

        if (!_reconcile.IsCleanAt(command.EventTimeNs))
        {
            long evidence = _reconcile.DirtyReason.IsSet ? (long)_reconcile.DirtyReason.Code : _reconcile.AgeAt(command.EventTimeNs);
            return Refuse(RiskAction.Reject, new Reason(ReasonCode.ReconcileNotClean, command.Symbol, command.EventTimeNs, evidence, _reconcile.MaxAgeNs));
        }

        // Only an order that adds capital can breach the cap: one that reduces it must pass even when rising prices
        // have carried the engine over its cap, or the cap would trap the capital it is meant to protect.
        if (checks.AllocationAfter > checks.AllocationCap && checks.AllocationAfter > checks.AllocationBefore)
        {
            return Refuse(RiskAction.Reject, new Reason(ReasonCode.AllocationCapExceeded, command.Symbol, command.EventTimeNs, checks.AllocationAfter.Micros, checks.AllocationCap.Micros));
        }

        return Approve(command);
    }

    private GatewayDecision DecideFlatten(in OrderCommand command, in OrderRequest riskRequest)
    {
        if (!_reconcile.IsCleanAt(command.EventTimeNs))
        {
            long evidence = _reconcile.DirtyReason.IsSet ? (long)_reconcile.DirtyReason.Code : _reconcile.AgeAt(command.EventTimeNs);
            return Refuse(RiskAction.Reject, new Reason(ReasonCode.ReconcileNotClean, command.Symbol, command.EventTimeNs, evidence, _reconcile.MaxAgeNs));
        }

        long position = riskRequest.Position;
        bool reduces = command.Quantity > 0
            && ((position > 0 && command.Side == Side.Sell && command.Quantity <= position)
                || (position < 0 && command.Side == Side.Buy && command.Quantity <= -position));
        return reduces
            ? Approve(command)
            : Refuse(RiskAction.Halt, new Reason(ReasonCode.FlattenWouldNotReduce, command.Symbol, command.EventTimeNs, command.Side == Side.Buy ? command.Quantity : -command.Quantity, position));
    }

    private GatewayDecision Approve(in OrderCommand command) =>
        new(new ApprovedCommand(_token, command), RiskAction.Allow, Reason.None);

    private static GatewayDecision Refuse(RiskAction action, Reason reason) => new(default, action, reason);
}
