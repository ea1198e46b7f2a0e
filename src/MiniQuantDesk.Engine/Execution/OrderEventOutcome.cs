namespace MiniQuantDesk.Engine.Execution;

/// <summary>What applying a broker event did.</summary>
public enum OrderEventOutcome : byte
{
    /// <summary>Not a result (<c>default</c>).</summary>
    None = 0,

    /// <summary>The event was legal and changed the order.</summary>
    Applied = 1,

    /// <summary>The same message (or the same fill) was applied before: nothing changed.</summary>
    DuplicateIgnored = 2,

    /// <summary>The event is illegal, malformed, unknown or would break an invariant: nothing changed, and the
    /// engine must halt (the reason says why). The OMS itself keeps applying later events, so that fills the
    /// broker reports after the halt are still accounted for.</summary>
    Halt = 3,
}
