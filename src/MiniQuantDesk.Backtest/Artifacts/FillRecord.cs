using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>One fill as the artifacts record it: a row of <c>fills.csv</c> and an input to round trips and metrics.</summary>
/// <param name="TimeNs">Event time of the fill, UTC nanoseconds since the Unix epoch.</param>
/// <param name="OrderId">The engine's order id.</param>
/// <param name="ClientOrderId">The client order id sent to the venue.</param>
/// <param name="Symbol">The traded symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares filled, positive.</param>
/// <param name="PriceMicros">Fill price per share in micros.</param>
/// <param name="FeeMicros">Fees charged for this fill in micros (a cost is positive).</param>
public sealed record FillRecord(
    long TimeNs,
    long OrderId,
    string ClientOrderId,
    string Symbol,
    Side Side,
    long Quantity,
    long PriceMicros,
    long FeeMicros);
