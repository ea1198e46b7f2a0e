namespace MiniQuantDesk.Engine.Gateway;

/// <summary>What a command asks of the broker.</summary>
public enum CommandKind : byte
{
    /// <summary>Not set: refused.</summary>
    None = 0,

    /// <summary>A new order.</summary>
    Submit = 1,

    /// <summary>Cancel a working order.</summary>
    Cancel = 2,

    /// <summary>Replace a working order's quantity or price.</summary>
    Replace = 3,

    /// <summary>A market order that only brings a position back to zero, sent when risk decides to flatten and
    /// halt. It must pass when the engine is halted, disarmed or killed — that is when it is needed — so the gateway
    /// checks only that it strictly reduces the position and that the position can be trusted (reconcile clean).</summary>
    Flatten = 4,
}
