using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>One execution report from the simulated venue.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="ClientOrderId">The order's client order id.</param>
/// <param name="BrokerOrderId">The venue's own order id, from 1 (0 on a reject of a new order).</param>
/// <param name="FillId">On a fill, its unique id, from 1; otherwise 0.</param>
/// <param name="SymbolIndex">The order's symbol.</param>
/// <param name="Side">The order's side.</param>
/// <param name="Quantity">Fill: shares filled. Ack and Replaced: the order's total quantity. CancelAck and Expired:
/// the shares that will now never fill. Rejects: the quantity asked for.</param>
/// <param name="Price">Fill: the fill price. Ack and Replaced: the limit (0 for orders without one).</param>
/// <param name="Fee">Fill: the commission, rounded up to the micro; otherwise zero.</param>
/// <param name="TimeNs">Event time: the decision time for submit reports, the request time for cancel and
/// replace, the bar's start for fills and expiries on a bar.</param>
/// <param name="FilledTotal">Shares filled on the order so far, this report included.</param>
/// <param name="LeavesQuantity">Shares still working after this report (0 once the order is done).</param>
/// <param name="Reason">Why, for rejects and unsolicited cancels; <see cref="VenueRejectReason.None"/> otherwise.</param>
public readonly record struct VenueReport(
    VenueReportKind Kind,
    ClientOrderId ClientOrderId,
    long BrokerOrderId,
    long FillId,
    int SymbolIndex,
    Side Side,
    long Quantity,
    Price Price,
    Money Fee,
    long TimeNs,
    long FilledTotal,
    long LeavesQuantity,
    VenueRejectReason Reason);
