using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>One execution at the paper broker: the ledger the broker's positions and cash are made of.</summary>
/// <param name="FillNumber">The fill's number n (its id is <c>F{n}</c>).</param>
/// <param name="EventId">The event that reported it.</param>
/// <param name="ClientOrderId">The order it filled.</param>
/// <param name="OrderNumber">The order's broker number.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Whole shares, positive.</param>
/// <param name="PriceMicros">The price in micros.</param>
/// <param name="FeeMicros">The fee in micros.</param>
/// <param name="EventTimeNs">When it executed, UTC nanoseconds.</param>
public sealed record PaperFill(
    long FillNumber,
    long EventId,
    string ClientOrderId,
    long OrderNumber,
    string Symbol,
    Side Side,
    long Quantity,
    long PriceMicros,
    long FeeMicros,
    long EventTimeNs)
{
    /// <summary>The fill id text, <c>F{n}</c>.</summary>
    public string FillId => PaperBrokerIds.FillText(FillNumber);
}
