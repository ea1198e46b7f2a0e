using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Engine.Gateway;

/// <summary>The gateway's answer: an approved command, or a refusal with its reason and what risk decided.</summary>
/// <param name="Approved">The approved command; <c>default</c> (not approved) when refused.</param>
/// <param name="RiskAction">Allow when approved; otherwise what the refusal means for the engine (reject, halt,
/// flatten and halt).</param>
/// <param name="Reason">Why it was refused; <see cref="Reason.None"/> when approved.</param>
public readonly record struct GatewayDecision(ApprovedCommand Approved, RiskAction RiskAction, Reason Reason)
{
    /// <summary>True when the command may go to the broker.</summary>
    public bool IsApproved => Approved.IsApproved;
}
