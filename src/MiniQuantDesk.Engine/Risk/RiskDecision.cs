namespace MiniQuantDesk.Engine.Risk;

/// <summary>A risk decision with its reason code and evidence (<see cref="Reason.Observed"/> against
/// <see cref="Reason.Limit"/>).</summary>
/// <param name="Action">What was decided.</param>
/// <param name="Reason">Why, with the evidence; <see cref="Reason.None"/> when allowed.</param>
public readonly record struct RiskDecision(RiskAction Action, Reason Reason)
{
    /// <summary>Go ahead.</summary>
    public static readonly RiskDecision Allow = new(RiskAction.Allow, Reason.None);

    /// <summary>True when allowed.</summary>
    public bool IsAllowed => Action == RiskAction.Allow;
}
