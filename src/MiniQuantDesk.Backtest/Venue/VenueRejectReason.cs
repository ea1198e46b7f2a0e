namespace MiniQuantDesk.Backtest.Venue;

/// <summary>Why the venue refused an order or a request (or, for an unsolicited cancel, why it canceled).</summary>
public enum VenueRejectReason : byte
{
    /// <summary>No reason: the report is not a refusal.</summary>
    None = 0,

    /// <summary>The order has no client order id (<c>ClientOrderId.None</c>).</summary>
    MissingClientOrderId,

    /// <summary>The client order id was used before: it equals or precedes the last accepted id. Ids rise within a
    /// run, so a replayed id is caught without the venue remembering every id it ever saw.</summary>
    DuplicateClientOrderId,

    /// <summary>The symbol index is negative or not below the venue's symbol capacity.</summary>
    UnknownSymbol,

    /// <summary>The side is neither buy nor sell.</summary>
    InvalidSide,

    /// <summary>The order type is not market, limit, stop or stop-limit.</summary>
    UnsupportedOrderType,

    /// <summary>The time in force is not day or good-till-canceled (the only two the venue simulates).</summary>
    UnsupportedTimeInForce,

    /// <summary>The quantity is zero or negative.</summary>
    NonPositiveQuantity,

    /// <summary>A limit or stop-limit order without a positive limit price.</summary>
    MissingLimitPrice,

    /// <summary>A stop or stop-limit order without a positive stop price.</summary>
    MissingStopPrice,

    /// <summary>A market or stop order carries a limit price: it would be ignored, so it is refused instead.</summary>
    UnexpectedLimitPrice,

    /// <summary>A market or limit order carries a stop price: it would be ignored, so it is refused instead.</summary>
    UnexpectedStopPrice,

    /// <summary>A day order decided at a time outside the NYSE calendar's range: its session cannot be known.</summary>
    OutsideCalendar,

    /// <summary>As many orders are working as the venue was built for; nothing was allocated.</summary>
    CapacityFull,

    /// <summary>A cancel or replace named an id the venue never accepted.</summary>
    UnknownOrder,

    /// <summary>A cancel or replace named an order that is no longer working (filled, canceled or expired), or
    /// one that was refused: too late to change it.</summary>
    OrderNotWorking,

    /// <summary>A replace asked for a total quantity below what has already filled.</summary>
    QuantityBelowFilled,

    /// <summary>Not a refusal: on an unsolicited <see cref="VenueReportKind.CancelAck"/>, the order was canceled
    /// because another order of its OCO group filled (or was the worse case on the same bar).</summary>
    OcoSiblingFilled,
}
