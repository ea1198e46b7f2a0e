namespace MiniQuantDesk.Engine.Execution;

/// <summary>What the OMS did with the engine's cancel or replace request.</summary>
public enum OrderRequestOutcome : byte
{
    /// <summary>Not a result (<c>default</c>).</summary>
    None = 0,

    /// <summary>The order is now pending the request: send it to <see cref="OrderRequestResult.Target"/>.</summary>
    Send = 1,

    /// <summary>A cancel for an order the broker has not named yet: nothing to send now; it becomes due (an
    /// <see cref="OrderEventResult.CancelDueTarget"/>) when the broker's id arrives.</summary>
    Queued = 2,

    /// <summary>Refused: nothing changed and nothing is to be sent (the reason says why). Not a halt.</summary>
    Refused = 3,
}
