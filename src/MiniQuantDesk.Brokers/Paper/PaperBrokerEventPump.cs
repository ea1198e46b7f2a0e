using System.Globalization;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>
/// Feeds the paper broker's events into a <see cref="TradingPipeline"/> as broker events, in event-id order, a batch
/// at a time, starting after a cursor.
/// <code>
/// paper_broker.events ──(id &gt; cursor ORDER BY id LIMIT batch)──▶ map ──PublishBroker──▶ ring ──▶ … ──▶ journal
///                                                                                                  (inbox + broker_cursor, one transaction)
/// </code>
/// <para>Mapping (no hashing; see <see cref="PaperBrokerIds"/>): <c>MessageId</c> = the event id, <c>FillId</c> =
/// the fill number, <c>BrokerOrderId.Handle</c> = the order number (a reject has none); the client order id is
/// parsed from its canonical text; the symbol is looked up in the engines' <see cref="SymbolTable"/>; a fill
/// carries side, quantity, price and fee.</para>
/// <para>The cursor is the event id of the last event published. The pump does not store it: the journal writes the
/// cursor of the last broker event it journaled in the same transaction as the inbox rows (by default the message
/// handle's decimal text, i.e. this event id), so after a restart read <c>broker_cursor.cursor</c>, turn it back into
/// an event id with <see cref="PaperBrokerIds.CursorFromJournal"/>, and pump after it: nothing durable is repeated,
/// nothing published but not journaled is lost (the engine ignores a message it has already seen all the same).</para>
/// <para>It publishes from the calling thread: with a single-producer ring that must be the only publishing thread,
/// and with the polled driver the same thread polls.</para>
/// </summary>
public sealed class PaperBrokerEventPump
{
    private readonly PaperBroker _broker;
    private readonly TradingPipeline _pipeline;
    private readonly SymbolTable _symbols;
    private readonly int _batchSize;

    /// <summary>Creates a pump from <paramref name="broker"/> into <paramref name="pipeline"/>.</summary>
    /// <param name="broker">The paper broker to read.</param>
    /// <param name="pipeline">Where to publish.</param>
    /// <param name="symbols">The engines' symbol table (the broker's symbols are text; the ring's are ids).</param>
    /// <param name="batchSize">Events read per query, 1 to 10,000 (default 256).</param>
    public PaperBrokerEventPump(PaperBroker broker, TradingPipeline pipeline, SymbolTable symbols, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 10_000);
        _broker = broker;
        _pipeline = pipeline;
        _symbols = symbols;
        _batchSize = batchSize;
    }

    /// <summary>
    /// Publishes one batch of events after <paramref name="cursor"/> (an event id; 0 for the first event).
    /// </summary>
    /// <returns>The event id of the last event published, or <paramref name="cursor"/> when there was none.</returns>
    /// <exception cref="InvalidOperationException">An event cannot be mapped (a client order id that is not canonical,
    /// a symbol the engines do not know): nothing of it or after it is published, and the message names it.</exception>
    public async Task<long> PublishBatchAsync(long cursor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cursor);
        IReadOnlyList<PaperEvent> events = await _broker.ReadEventsAsync(cursor, _batchSize, cancellationToken).ConfigureAwait(false);
        foreach (PaperEvent paperEvent in events)
        {
            BrokerOrderEvent brokerEvent = ToBrokerEvent(paperEvent, _symbols);
            _pipeline.PublishBroker(in brokerEvent);
            cursor = paperEvent.EventId;
        }

        return cursor;
    }

    /// <summary>Publishes batches after <paramref name="cursor"/> until it has caught up with the broker.</summary>
    /// <returns>The event id of the last event published, or <paramref name="cursor"/> when there was none.</returns>
    /// <exception cref="InvalidOperationException">An event cannot be mapped; the events before it were published.</exception>
    public async Task<long> PublishAllAsync(long cursor, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            long next = await PublishBatchAsync(cursor, cancellationToken).ConfigureAwait(false);
            if (next == cursor)
            {
                return cursor;
            }

            cursor = next;
        }
    }

    /// <summary>The engine's broker event for <paramref name="paperEvent"/> (the mapping the class comment states).</summary>
    /// <exception cref="InvalidOperationException">The client order id is not canonical, or the symbol is not in
    /// <paramref name="symbols"/>.</exception>
    public static BrokerOrderEvent ToBrokerEvent(PaperEvent paperEvent, SymbolTable symbols)
    {
        ArgumentNullException.ThrowIfNull(paperEvent);
        ArgumentNullException.ThrowIfNull(symbols);
        if (!ClientOrderId.TryParse(paperEvent.ClientOrderId, out ClientOrderId clientOrderId))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"paper broker event {paperEvent.MessageId} names client order id '{paperEvent.ClientOrderId}', which is not canonical (E<engine>-R<run>-S<sequence>-I<intent>); the engine cannot route it. The pump stops here rather than skip a broker event."));
        }

        if (!symbols.TryGet(paperEvent.Symbol, out SymbolId symbol))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"paper broker event {paperEvent.MessageId} for {paperEvent.ClientOrderId} is in symbol {paperEvent.Symbol}, which no engine registered; register it before starting the pump. The pump stops here rather than skip a broker event."));
        }

        bool fill = paperEvent.Kind == PaperEventKind.Fill;
        return new BrokerOrderEvent
        {
            Kind = paperEvent.Kind switch
            {
                PaperEventKind.Ack => BrokerEventKind.Ack,
                PaperEventKind.Fill => BrokerEventKind.Fill,
                PaperEventKind.Reject => BrokerEventKind.Reject,
                PaperEventKind.CancelAck => BrokerEventKind.CancelAck,
                _ => throw new InvalidOperationException($"paper broker event {paperEvent.MessageId} has kind {paperEvent.Kind}, which the pump cannot map"),
            },
            ClientOrderId = clientOrderId,
            BrokerOrderId = paperEvent.OrderNumber is { } orderNumber ? new BrokerOrderId(orderNumber) : BrokerOrderId.None,
            MessageId = paperEvent.EventId,
            FillId = fill ? paperEvent.FillNumber!.Value : 0,
            Symbol = symbol,
            Side = paperEvent.Side,
            Quantity = fill ? paperEvent.Quantity : 0,
            Price = fill ? new Price(paperEvent.PriceMicros) : default,
            Fee = fill ? new Money(paperEvent.FeeMicros) : Money.Zero,
            EventTimeNs = paperEvent.EventTimeNs,
        };
    }
}
