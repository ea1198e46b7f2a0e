namespace MiniQuantDesk.Engine.Execution;

/// <summary>What a legal transition asks the OMS to record besides the order itself; the OMS commits these only
/// after every check passed, so a refused event leaves nothing behind.</summary>
internal struct TransitionEffects
{
    /// <summary>Map the event's broker order id to the order.</summary>
    public bool MapBrokerId;

    /// <summary>Record the event's fill in the ledger and report it as new.</summary>
    public bool NewFill;

    /// <summary>A queued cancel became sendable: report it with the order's broker id.</summary>
    public bool CancelDue;
}
