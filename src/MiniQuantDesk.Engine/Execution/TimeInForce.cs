namespace MiniQuantDesk.Engine.Execution;

/// <summary>How long an order works at the broker before it expires (US equity brokers' common set).</summary>
public enum TimeInForce : byte
{
    /// <summary>Not set: refused.</summary>
    None = 0,

    /// <summary>Until the end of the regular session.</summary>
    Day = 1,

    /// <summary>Until filled or canceled.</summary>
    GoodTillCanceled = 2,

    /// <summary>Fill what can be filled at once; the rest is canceled.</summary>
    ImmediateOrCancel = 3,

    /// <summary>Fill the whole quantity at once, or nothing.</summary>
    FillOrKill = 4,

    /// <summary>Only in the opening auction.</summary>
    AtTheOpen = 5,

    /// <summary>Only in the closing auction.</summary>
    AtTheClose = 6,
}
