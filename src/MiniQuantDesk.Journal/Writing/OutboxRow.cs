namespace MiniQuantDesk.Journal.Writing;

/// <summary>A new order the journal writes to <c>outbox</c> (state PENDING).</summary>
/// <param name="ClientOrderId">The client order id's canonical text.</param>
/// <param name="Sequence">The ring sequence of the event that decided it.</param>
/// <param name="Symbol">The symbol's text.</param>
/// <param name="Side"><c>BUY</c> or <c>SELL</c>.</param>
/// <param name="Quantity">Shares.</param>
/// <param name="Payload">The JSON object: command kind, order type, limit micros, event time.</param>
/// <param name="CreatedAt">The event time.</param>
internal readonly record struct OutboxRow(
    string ClientOrderId, long Sequence, string Symbol, string Side, long Quantity, string Payload, DateTime CreatedAt);
