using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>One order's final state as the artifacts record it: a row of <c>orders.csv</c>.</summary>
/// <param name="TimeNs">Event time of the order's last change, UTC nanoseconds since the Unix epoch.</param>
/// <param name="OrderId">The engine's order id.</param>
/// <param name="ClientOrderId">The client order id sent to the venue.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop or stop-limit.</param>
/// <param name="TimeInForce">How long the order works.</param>
/// <param name="Quantity">Shares ordered, positive.</param>
/// <param name="LimitMicros">Limit price in micros; 0 for orders without a limit.</param>
/// <param name="Status">The order's final status, e.g. <c>filled</c>, <c>canceled</c>, <c>rejected</c>.</param>
/// <param name="FilledQuantity">Shares filled.</param>
/// <param name="Reason">Why the order ended as it did (a reject or cancel reason); empty when none.</param>
public sealed record OrderRecord(
    long TimeNs,
    long OrderId,
    string ClientOrderId,
    string Symbol,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    long Quantity,
    long LimitMicros,
    string Status,
    long FilledQuantity,
    string Reason);
