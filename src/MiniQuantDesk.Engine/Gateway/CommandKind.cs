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
}
