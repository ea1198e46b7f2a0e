namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>
/// One claimed outbox row as the broker adapter sees it. <see cref="ClientOrderId"/> is the idempotency key: every
/// attempt for this row sends the same one, so a broker that sees it twice must not open a second order.
/// </summary>
/// <param name="Id">The outbox row id (claim order).</param>
/// <param name="RunId">The run that decided the order.</param>
/// <param name="ClientOrderId">The stable client order id, e.g. <c>E1-R7-S000000123-I0</c>.</param>
/// <param name="EngineId">The engine, as decimal text ("1").</param>
/// <param name="Sequence">The event sequence number that decided the order.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Whole shares, positive.</param>
/// <param name="Kind">Submit or flatten.</param>
/// <param name="LimitPriceMicros">The limit price in micros; 0 for a market order.</param>
/// <param name="EventTimeNs">The deciding event's time, UTC nanoseconds.</param>
/// <param name="Attempt">Which send this is (1 for the first).</param>
public sealed record OutboxOrder(
    long Id,
    Guid RunId,
    string ClientOrderId,
    string EngineId,
    long Sequence,
    string Symbol,
    OutboxSide Side,
    long Quantity,
    OutboxOrderKind Kind,
    long LimitPriceMicros,
    long EventTimeNs,
    int Attempt)
{
    /// <summary>True for a market order (no limit price).</summary>
    public bool IsMarket => LimitPriceMicros == 0;
}
