using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// One broker message about one order, as the adapter delivers it into the ring: numbers only (ids interned at the
/// edge). A plain struct with fields, so it can be written in place inside a ring slot. Fields a kind does not use
/// are ignored. The OMS checks everything here; a malformed event is refused with a reason, never trusted.
/// </summary>
public struct BrokerOrderEvent
{
    /// <summary>What the broker said.</summary>
    public BrokerEventKind Kind;

    /// <summary>The order's client order id, as the broker echoed it; <see cref="ClientOrderId.None"/> when the
    /// message names only the broker's id.</summary>
    public ClientOrderId ClientOrderId;

    /// <summary>The broker's id of the order: required on an ack; on a replace ack, the new id if the broker gave
    /// the replaced order one; otherwise optional, and checked against the map when present.</summary>
    public BrokerOrderId BrokerOrderId;

    /// <summary>The broker's id of this message (interned, non-zero): applying the same message twice has no
    /// effect.</summary>
    public long MessageId;

    /// <summary>The broker's execution id of a fill (interned, non-zero): a fill is applied once, whatever message
    /// carries it.</summary>
    public long FillId;

    /// <summary>For a fill: the symbol the broker reports. Required, and it must be the order's (a fill the broker
    /// reports for another symbol than ordered halts). It lets every pipeline stage follow positions from the fills
    /// alone, without asking the order manager.</summary>
    public SymbolId Symbol;

    /// <summary>For a fill: the side the broker reports; required, and it must be the order's.</summary>
    public Side Side;

    /// <summary>A fill's shares, or a replace ack's new total quantity.</summary>
    public long Quantity;

    /// <summary>A fill's price, or a replace ack's new limit (0 for a market order).</summary>
    public Price Price;

    /// <summary>A fill's fee: zero or more (the portfolio books no rebates, so a negative fee is malformed).</summary>
    public Money Fee;

    /// <summary>The event time, UTC nanoseconds.</summary>
    public long EventTimeNs;
}
