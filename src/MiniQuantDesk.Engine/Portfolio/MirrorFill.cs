namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>What <see cref="AccountMirror.ApplyFill"/> did with a fill report.</summary>
public enum MirrorFill : byte
{
    /// <summary>Not a fill of this engine, or malformed: nothing changed (the order manager judges it).</summary>
    Ignored = 0,

    /// <summary>Applied.</summary>
    Applied = 1,

    /// <summary>Applied, and it reduced a position opened the same trading day: a day trade.</summary>
    AppliedDayTrade = 2,

    /// <summary>Seen before: nothing changed.</summary>
    Duplicate = 3,

    /// <summary>Cash or the position would overflow: nothing changed.</summary>
    Overflow = 4,

    /// <summary>The fill id set is full: nothing changed.</summary>
    Full = 5,
}
