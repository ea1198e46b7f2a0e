namespace MiniQuantDesk.Journal.Writing;

/// <summary>A broker message the journal writes to <c>inbox</c>.</summary>
/// <param name="Sequence">The ring sequence of the message.</param>
/// <param name="MessageId">The broker's message id text.</param>
/// <param name="FillId">The broker's fill id text, for a fill only.</param>
/// <param name="Kind">The inbox kind text.</param>
/// <param name="ClientOrderId">The order's client order id text, when the message or the engine named it.</param>
/// <param name="FillQuantity">A fill's shares (0 for other kinds).</param>
/// <param name="FillPriceMicros">A fill's price (0 for other kinds).</param>
/// <param name="Payload">The JSON object: fee, broker order id, event time, the engine's outcome.</param>
/// <param name="ReceivedAt">The event time.</param>
/// <param name="Applied">True when the engine applied the message (and, for a fill, the portfolio took it).</param>
internal readonly record struct InboxRow(
    long Sequence,
    string MessageId,
    string? FillId,
    string Kind,
    string? ClientOrderId,
    long FillQuantity,
    long FillPriceMicros,
    string Payload,
    DateTime ReceivedAt,
    bool Applied);
