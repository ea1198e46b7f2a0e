using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// An order an earlier run created, read back from the journal at start, to be put into the order manager under
/// its original client order id (<see cref="OrderManager.Restore"/>) without being sent again. Its state then
/// follows from the broker messages the journal holds for it, replayed after it. Plain fields, so it can be written
/// in place inside a ring slot.
/// </summary>
public struct RestoredOrder
{
    /// <summary>The id the order was sent with (engine, run, event sequence, intent index).</summary>
    public ClientOrderId ClientOrderId;

    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>Buy or sell.</summary>
    public Side Side;

    /// <summary>Shares ordered (the original total; a later replace comes as its own restored request).</summary>
    public long Quantity;

    /// <summary>Market or limit.</summary>
    public OrderType Type;

    /// <summary>The limit for a limit order (positive); 0 for a market order.</summary>
    public Price LimitPrice;

    /// <summary>How long the order works.</summary>
    public TimeInForce TimeInForce;

    /// <summary>The intent behind it, for the order manager's field checks.</summary>
    public readonly OrderIntent Intent => new(Symbol, Side, Quantity, Type, LimitPrice, TimeInForce);
}
