namespace MiniQuantDesk.Engine.Execution;

/// <summary>How an order is priced.</summary>
public enum OrderType : byte
{
    /// <summary>Not set: refused.</summary>
    None = 0,

    /// <summary>At the market: the order carries no limit price (its limit is 0).</summary>
    Market = 1,

    /// <summary>At the limit price or better: the order carries a positive limit.</summary>
    Limit = 2,

    /// <summary>Becomes a market order once the price trades at or through the stop price.</summary>
    Stop = 3,

    /// <summary>Becomes a limit order once the price trades at or through the stop price.</summary>
    StopLimit = 4,
}
