namespace MiniQuantDesk.Engine.Integrity;

/// <summary>What the integrity guard decided about a bar or a timer event, from harmless to most severe (the order
/// matters: a decision never weakens a sticky state).</summary>
public enum IntegrityAction : byte
{
    /// <summary>A new, sound bar: pass it on to strategies. For a timer event: nothing is wrong.</summary>
    Accept = 0,

    /// <summary>Another feed's copy of a bar already accepted, agreeing with it within the tolerance: sound, but not
    /// a new bar, so strategies must not see it again. Not a rejection: it is neither logged nor counted as one.</summary>
    Corroborate = 1,

    /// <summary>This bar is refused (it never reaches strategies); the guard stays armed.</summary>
    Reject = 2,

    /// <summary>Refused, and the guard is disarmed: no new orders until an operator arms it again (sticky).</summary>
    Disarm = 3,

    /// <summary>Refused, and the guard is halted: the data cannot be trusted until an operator clears the halt and
    /// arms it again (sticky).</summary>
    Halt = 4,
}
