namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// Where an order stands between the engine and the broker. Cancel and replace are requests
/// (<see cref="PendingCancel"/>, <see cref="PendingReplace"/>) until the broker answers; only
/// <see cref="Filled"/>, <see cref="Canceled"/>, <see cref="Rejected"/> and <see cref="Expired"/> end an order.
/// <see cref="OrderStateMachine"/> holds the transition table.
/// </summary>
public enum OrderState : byte
{
    /// <summary>Not an order (an empty slot).</summary>
    None = 0,

    /// <summary>Sent (or about to be), not yet acknowledged by the broker.</summary>
    PendingNew = 1,

    /// <summary>Working at the broker, nothing filled.</summary>
    Accepted = 2,

    /// <summary>Working at the broker, part of the quantity filled.</summary>
    PartiallyFilled = 3,

    /// <summary>The whole quantity filled. Terminal.</summary>
    Filled = 4,

    /// <summary>A cancel was sent; the order may still fill until the broker answers.</summary>
    PendingCancel = 5,

    /// <summary>Canceled by the broker (on request or unsolicited). Terminal, but a fill the broker executed
    /// before the cancel took effect is still applied (a late fill).</summary>
    Canceled = 6,

    /// <summary>A replace (new total quantity and limit) was sent; the old terms hold until the broker answers.</summary>
    PendingReplace = 7,

    /// <summary>
    /// Transient, never stored: the step a replace ack takes. The new total quantity and limit take effect, and
    /// the order rests at once in <see cref="Accepted"/>, <see cref="PartiallyFilled"/> or <see cref="Filled"/>
    /// by its fills against the new total, so that every rule for a working order holds after a replace unchanged
    /// (one order, one id, one fill count, however often it is replaced). No query ever returns it; it names the
    /// step in the transition table.
    /// </summary>
    Replaced = 8,

    /// <summary>Refused by the broker before it worked. Terminal; nothing can follow.</summary>
    Rejected = 9,

    /// <summary>Ended by its time in force. Terminal, with late fills applied as for <see cref="Canceled"/>.</summary>
    Expired = 10,
}
