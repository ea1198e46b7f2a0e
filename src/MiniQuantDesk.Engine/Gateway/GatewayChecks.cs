using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Engine.Gateway;

/// <summary>
/// The state the gateway checks a command against, gathered by the caller from the integrity guard, the OMS and
/// the portfolio. The risk request and the reconcile status are passed separately.
/// </summary>
/// <param name="IntegrityArmed">True while the integrity guard is armed (data clean, not stale, not halted).</param>
/// <param name="IntegrityReason">Why integrity is not armed, when it is not.</param>
/// <param name="AllocationCap">The engine's allocation cap: the most capital its positions may use.</param>
/// <param name="AllocationBefore">The capital the engine's positions use now.</param>
/// <param name="AllocationAfter">The capital the engine's positions would use after the command.</param>
/// <param name="Risk">The account-level risk state (kill switch, sticky halt, PDT count, reject storm) that the
/// per-order risk rules judge the order with.</param>
public readonly record struct GatewayChecks(bool IntegrityArmed, Reason IntegrityReason, Money AllocationCap, Money AllocationBefore, Money AllocationAfter, RiskSnapshot Risk);
