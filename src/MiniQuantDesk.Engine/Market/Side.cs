namespace MiniQuantDesk.Engine.Market;

/// <summary>The side of an order or fill. Quantities on orders and fills are positive; the side gives the sign.</summary>
public enum Side : byte
{
    /// <summary>Not set: refused wherever a side is required.</summary>
    None = 0,

    /// <summary>Buy: increases the position.</summary>
    Buy = 1,

    /// <summary>Sell: decreases the position (sell short from flat).</summary>
    Sell = 2,
}
