using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>One order as the paper broker holds it (a row of <c>paper_broker.orders</c>).</summary>
/// <param name="ClientOrderId">The client order id, the idempotency key.</param>
/// <param name="OrderNumber">The broker's order number n (the order is <c>P{n}</c>); null when rejected.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Whole shares ordered.</param>
/// <param name="LimitPriceMicros">The limit in micros; 0 for a market order.</param>
/// <param name="State">Where it stands.</param>
/// <param name="FilledQuantity">Shares filled so far.</param>
/// <param name="RejectReason">Why it was refused, when it was.</param>
public sealed record PaperOrder(
    string ClientOrderId,
    long? OrderNumber,
    string Symbol,
    Side Side,
    long Quantity,
    long LimitPriceMicros,
    PaperOrderState State,
    long FilledQuantity,
    string? RejectReason)
{
    /// <summary>The broker's order id text, <c>P{n}</c>, or null for a rejected order.</summary>
    public string? BrokerOrderId => OrderNumber is { } number ? PaperBrokerIds.OrderText(number) : null;
}
