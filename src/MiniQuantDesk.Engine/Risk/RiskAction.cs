namespace MiniQuantDesk.Engine.Risk;

/// <summary>What risk decided about an order or a state change.</summary>
public enum RiskAction : byte
{
    /// <summary>Go ahead.</summary>
    Allow = 0,

    /// <summary>Refuse this order; the engine carries on.</summary>
    Reject = 1,

    /// <summary>Refuse, and halt the engine (sticky until an operator clears it).</summary>
    Halt = 2,

    /// <summary>Refuse, close every position, and halt.</summary>
    FlattenAndHalt = 3,
}
