using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>
/// One message of the paper broker (a row of <c>paper_broker.events</c>), in the broker's own terms; the
/// <see cref="PaperBrokerEventPump"/> turns it into the engine's broker event.
/// </summary>
/// <param name="EventId">The event id: the broker's event cursor, 1, 2, 3, ... in commit order. Its message id is
/// <c>M{EventId}</c>.</param>
/// <param name="Kind">What the broker said.</param>
/// <param name="ClientOrderId">The order's client order id.</param>
/// <param name="OrderNumber">The broker's order number (<c>P{n}</c>); null on a reject.</param>
/// <param name="FillNumber">A fill's number (<c>F{n}</c>); null for other kinds.</param>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="Side">The order's side.</param>
/// <param name="Quantity">A fill's shares; 0 for other kinds.</param>
/// <param name="PriceMicros">A fill's price in micros; 0 for other kinds.</param>
/// <param name="FeeMicros">A fill's fee in micros; 0 for other kinds.</param>
/// <param name="Reason">A reject's reason.</param>
/// <param name="EventTimeNs">When the broker said it, UTC nanoseconds.</param>
public sealed record PaperEvent(
    long EventId,
    PaperEventKind Kind,
    string ClientOrderId,
    long? OrderNumber,
    long? FillNumber,
    string Symbol,
    Side Side,
    long Quantity,
    long PriceMicros,
    long FeeMicros,
    string? Reason,
    long EventTimeNs)
{
    /// <summary>The broker's message id text, <c>M{EventId}</c>.</summary>
    public string MessageId => PaperBrokerIds.MessageText(EventId);
}
