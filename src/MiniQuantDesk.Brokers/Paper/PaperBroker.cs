using System.Data;
using System.Globalization;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Journal.Dispatch;
using Npgsql;
using NpgsqlTypes;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>
/// A paper broker whose whole state — orders, events, prices, the account — lives in its own PostgreSQL schema,
/// <c>paper_broker</c>, so its truth survives the death of any process that trades against it. It is the
/// dispatcher's broker (<see cref="IOrderSubmitter"/>) and the source of the broker events that
/// <see cref="PaperBrokerEventPump"/> feeds into the trading pipeline.
/// <code>
/// dispatcher ──SubmitAsync──▶ one transaction: lock account row ─▶ order (client_order_id PK) ─▶ ACK [+ FILL] | REJECT
///                                                                                            │
/// pipeline ◀──PublishBroker── PaperBrokerEventPump ◀── events WHERE id > cursor ORDER BY id ─┘
/// </code>
/// <para>Every write takes the single account row's lock first, so writes are serialised: ids are handed out gapless
/// and deterministically (<c>P{n}</c>, <c>M{n}</c>, <c>F{n}</c>: see <see cref="PaperBrokerIds"/>), and events become
/// visible in id order, so a reader resuming after an event id never misses one.</para>
/// <para>A submit fills a market order, or a limit the last price crosses (a buy at or above it, a sell at or below
/// it), in full at the last price; a limit that is not crossed rests until <see cref="SetPriceAsync"/> crosses it; no
/// known price rejects the order. Broker events carry the order's event time (the deciding event's), so a run is
/// deterministic; prices and cancels carry the time their caller gives.</para>
/// Safe to use from several threads and processes at once.
/// </summary>
public sealed class PaperBroker : IOrderSubmitter, IAsyncDisposable
{
    private const string LockAccountSql =
        "SELECT next_order_number, next_event_id, next_fill_number FROM paper_broker.account WHERE singleton FOR UPDATE";

    private const string SaveCountersSql =
        "UPDATE paper_broker.account SET next_order_number = $1, next_event_id = $2, next_fill_number = $3 WHERE singleton";

    private const string OrderColumns =
        "client_order_id, order_number, symbol, side, quantity, limit_price_micros, state, filled_quantity, reject_reason";

    private const string EventColumns =
        "id, kind, client_order_id, order_number, fill_number, symbol, side, quantity, price_micros, fee_micros, reason, event_time_ns";

    private const string InsertOrderSql = """
        INSERT INTO paper_broker.orders
            (client_order_id, order_number, symbol, side, quantity, limit_price_micros, state, filled_quantity, reject_reason, event_time_ns)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """;

    private const string InsertEventSql = $"""
        INSERT INTO paper_broker.events ({EventColumns})
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PaperBrokerOptions _options;

    private PaperBroker(NpgsqlDataSource dataSource, PaperBrokerOptions options, Money initialCash)
    {
        _dataSource = dataSource;
        _options = options;
        InitialCash = initialCash;
    }

    /// <summary>The account's starting cash, as stored.</summary>
    public Money InitialCash { get; }

    /// <summary>
    /// Opens the paper broker in the database of <paramref name="connectionString"/>: sets up (or upgrades) its schema
    /// and creates its account on first use.
    /// </summary>
    /// <exception cref="PaperBrokerRefusedException"><see cref="PaperBrokerOptions.InitialCash"/> differs from the
    /// account's stored starting cash.</exception>
    /// <exception cref="Journal.Migrations.MigrationRefusedException">The schema's scripts were changed after they
    /// were applied.</exception>
    public static async Task<PaperBroker> OpenAsync(string connectionString, PaperBrokerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new PaperBrokerOptions();
        options.Validate();
        await PaperBrokerSchema.EnsureCreatedAsync(connectionString, cancellationToken).ConfigureAwait(false);
        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var create = new NpgsqlCommand(
                "INSERT INTO paper_broker.account (initial_cash_micros) VALUES ($1) ON CONFLICT (singleton) DO NOTHING", connection))
            {
                create.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (options.InitialCash ?? PaperBrokerOptions.DefaultInitialCash).Micros });
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            long stored;
            await using (var read = new NpgsqlCommand("SELECT initial_cash_micros FROM paper_broker.account WHERE singleton", connection))
            {
                stored = (long)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            if (options.InitialCash is { } wanted && wanted.Micros != stored)
            {
                throw new PaperBrokerRefusedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"PAPER_CASH_MISMATCH: the paper account in this database started with {DecimalText.FormatMicros(stored)}, not the {DecimalText.FormatMicros(wanted.Micros)} asked for; its fills are computed from the stored amount. Leave the starting cash unset to use it, or use another database (or drop schema paper_broker) for a new account."));
            }

            return new PaperBroker(dataSource, options, new Money(stored));
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Submits <paramref name="order"/> in one transaction. A new client order id creates the order with an ACK and,
    /// when it can fill, a FILL at the last price: <c>Accepted(P{n})</c>; without a known price, a REJECT:
    /// <c>Rejected(reason)</c>. A client order id seen before creates nothing and answers as the first submit was
    /// answered. The simulated faults of <see cref="PaperBrokerOptions.SubmitFault"/> answer <c>Unknown</c>.
    /// </summary>
    /// <remarks>A client order id that is not canonical (<see cref="ClientOrderId.TryParse"/>), an empty symbol or a
    /// quantity below 1 is refused at the door: <c>Rejected</c>, and nothing is created. A duplicate with other terms
    /// than the first (symbol, side, quantity, limit) answers <c>Unknown</c>: the sender's view of that order is wrong,
    /// and only a person can say which is right.</remarks>
    public async ValueTask<SubmitOutcome> SubmitAsync(OutboxOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!ClientOrderId.TryParse(order.ClientOrderId, out _) || string.IsNullOrWhiteSpace(order.Symbol) || order.Quantity < 1 || order.LimitPriceMicros < 0)
        {
            return SubmitOutcome.Rejected(string.Create(
                CultureInfo.InvariantCulture,
                $"MALFORMED_ORDER: '{order.ClientOrderId}' {order.Symbol} quantity {order.Quantity} limit {order.LimitPriceMicros} micros: the paper broker takes canonical client order ids, a symbol, at least 1 share and a limit of 0 (market) or more"));
        }

        PaperSubmitFault fault = _options.SubmitFault?.Invoke(order) ?? PaperSubmitFault.None;
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Counters counters = await LockAccountAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        PaperOrder? existing = await ReadOrderAsync(connection, transaction, order.ClientOrderId, cancellationToken).ConfigureAwait(false);
        SubmitOutcome outcome = existing is not null
            ? AnswerDuplicate(existing, order)
            : await CreateAsync(connection, transaction, order, counters, cancellationToken).ConfigureAwait(false);

        if (fault == PaperSubmitFault.FailBeforeCommit)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return SubmitOutcome.Unknown($"PAPER_FAIL_BEFORE_COMMIT: simulated failure of the submit of {order.ClientOrderId} before the broker committed it (nothing was created)");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return fault == PaperSubmitFault.AnswerLost
            ? SubmitOutcome.Unknown($"PAPER_ANSWER_LOST: simulated loss of the broker's answer to the submit of {order.ClientOrderId} (the broker committed it)")
            : outcome;
    }

    /// <summary>
    /// Sets the last price of <paramref name="symbol"/> and fills, in order-number order, every open limit order of
    /// the symbol that the price crosses, at that price, with events at <paramref name="eventTimeNs"/>.
    /// </summary>
    /// <returns>How many orders it filled.</returns>
    public async Task<int> SetPriceAsync(string symbol, long priceMicros, long eventTimeNs, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priceMicros);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Counters counters = await LockAccountAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using (var upsert = new NpgsqlCommand(
            "INSERT INTO paper_broker.prices (symbol, last_price_micros, event_time_ns) VALUES ($1, $2, $3) " +
            "ON CONFLICT (symbol) DO UPDATE SET last_price_micros = EXCLUDED.last_price_micros, event_time_ns = EXCLUDED.event_time_ns",
            connection,
            transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = symbol });
            upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = priceMicros });
            upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = eventTimeNs });
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var open = new List<PaperOrder>();
        await using (var select = new NpgsqlCommand(
            $"SELECT {OrderColumns} FROM paper_broker.orders WHERE symbol = $1 AND state = 'OPEN' ORDER BY order_number", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = symbol });
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                open.Add(ReadOrder(reader));
            }
        }

        int filled = 0;
        foreach (PaperOrder order in open.Where(order => Crosses(order.Side, order.LimitPriceMicros, priceMicros)))
        {
            await FillAsync(connection, transaction, order.ClientOrderId, order.OrderNumber!.Value, order.Symbol, order.Side, order.Quantity, priceMicros, eventTimeNs, counters, cancellationToken).ConfigureAwait(false);
            filled++;
        }

        await SaveCountersAsync(connection, transaction, counters, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return filled;
    }

    /// <summary>Cancels an open order, with a CANCEL_ACK at <paramref name="eventTimeNs"/>.</summary>
    /// <returns>True when it was open and is now canceled; false when there is no such order or it is not open.</returns>
    public async Task<bool> CancelAsync(string clientOrderId, long eventTimeNs, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Counters counters = await LockAccountAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        PaperOrder? order = await ReadOrderAsync(connection, transaction, clientOrderId, cancellationToken).ConfigureAwait(false);
        if (order is not { State: PaperOrderState.Open })
        {
            return false;
        }

        await SetStateAsync(connection, transaction, clientOrderId, PaperOrderState.Canceled, order.FilledQuantity, cancellationToken).ConfigureAwait(false);
        await AppendEventAsync(connection, transaction, counters, PaperEventKind.CancelAck, clientOrderId, order.OrderNumber, null, order.Symbol, order.Side, null, null, null, null, eventTimeNs, cancellationToken).ConfigureAwait(false);
        await SaveCountersAsync(connection, transaction, counters, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The order with <paramref name="clientOrderId"/>, or null when the broker never created it.</summary>
    public async Task<PaperOrder?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadOrderAsync(connection, null, clientOrderId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every order, rejected ones included, by client order id.</summary>
    public async Task<IReadOnlyList<PaperOrder>> GetOrdersAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {OrderColumns} FROM paper_broker.orders ORDER BY client_order_id", connection);
        var orders = new List<PaperOrder>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            orders.Add(ReadOrder(reader));
        }

        return orders;
    }

    /// <summary>
    /// Up to <paramref name="maxCount"/> events with an id above <paramref name="afterEventId"/>, in id order. Because
    /// writes are serialised and ids handed out under the lock, no event with a lower id can become visible later.
    /// </summary>
    public async Task<IReadOnlyList<PaperEvent>> ReadEventsAsync(long afterEventId, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterEventId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {EventColumns} FROM paper_broker.events WHERE id > $1 ORDER BY id LIMIT $2", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterEventId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        var events = new List<PaperEvent>(Math.Min(maxCount, 1024));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    /// <summary>
    /// The account as one consistent snapshot: positions and cash are summed by the database over the fills, and the
    /// fills are listed, all in one repeatable-read transaction.
    /// </summary>
    public async Task<PaperBrokerTruth> ReadTruthAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

        long cash;
        long lastEventId;
        await using (var account = new NpgsqlCommand(
            """
            SELECT (a.initial_cash_micros - COALESCE((
                        SELECT sum(CASE e.side WHEN 'BUY' THEN 1 ELSE -1 END * e.quantity::numeric * e.price_micros + e.fee_micros)
                        FROM paper_broker.events AS e WHERE e.kind = 'FILL'), 0))::bigint,
                   COALESCE((SELECT max(id) FROM paper_broker.events), 0)
            FROM paper_broker.account AS a WHERE a.singleton
            """,
            connection,
            transaction))
        {
            await using NpgsqlDataReader reader = await account.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            cash = reader.GetInt64(0);
            lastEventId = reader.GetInt64(1);
        }

        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var net = new NpgsqlCommand(
            """
            SELECT symbol, sum(CASE side WHEN 'BUY' THEN quantity ELSE -quantity END)::bigint
            FROM paper_broker.events WHERE kind = 'FILL'
            GROUP BY symbol HAVING sum(CASE side WHEN 'BUY' THEN quantity ELSE -quantity END) <> 0
            """,
            connection,
            transaction))
        {
            await using NpgsqlDataReader reader = await net.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                positions.Add(reader.GetString(0), reader.GetInt64(1));
            }
        }

        var fills = new List<PaperFill>();
        await using (var list = new NpgsqlCommand(
            $"SELECT {EventColumns} FROM paper_broker.events WHERE kind = 'FILL' ORDER BY fill_number", connection, transaction))
        {
            await using NpgsqlDataReader reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                PaperEvent fill = ReadEvent(reader);
                fills.Add(new PaperFill(fill.FillNumber!.Value, fill.EventId, fill.ClientOrderId, fill.OrderNumber!.Value, fill.Symbol, fill.Side, fill.Quantity, fill.PriceMicros, fill.FeeMicros, fill.EventTimeNs));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PaperBrokerTruth(InitialCash, new Money(cash), positions, fills, lastEventId);
    }

    /// <summary>Closes the broker's connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static bool Crosses(Side side, long limitPriceMicros, long lastPriceMicros) =>
        limitPriceMicros == 0 || (side == Side.Buy ? lastPriceMicros <= limitPriceMicros : lastPriceMicros >= limitPriceMicros);

    private static SubmitOutcome AnswerDuplicate(PaperOrder existing, OutboxOrder order)
    {
        if (existing.Symbol != order.Symbol || existing.Side != PaperText.SideOf(order.Side)
            || existing.Quantity != order.Quantity || existing.LimitPriceMicros != order.LimitPriceMicros)
        {
            return SubmitOutcome.Unknown(string.Create(
                CultureInfo.InvariantCulture,
                $"CONFLICTING_DUPLICATE: the paper broker already has {order.ClientOrderId} as {existing.Side} {existing.Quantity} {existing.Symbol} limit {existing.LimitPriceMicros} micros, but this submit asks for {order.Side} {order.Quantity} {order.Symbol} limit {order.LimitPriceMicros} micros; nothing new was created"));
        }

        return existing.State == PaperOrderState.Rejected
            ? SubmitOutcome.Rejected(existing.RejectReason!)
            : SubmitOutcome.Accepted(existing.BrokerOrderId!);
    }

    private async Task<SubmitOutcome> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxOrder order, Counters counters, CancellationToken cancellationToken)
    {
        Side side = PaperText.SideOf(order.Side);
        long? lastPrice;
        await using (var price = new NpgsqlCommand("SELECT last_price_micros FROM paper_broker.prices WHERE symbol = $1", connection, transaction))
        {
            price.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.Symbol });
            lastPrice = (long?)await price.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        if (lastPrice is null)
        {
            string reason = $"NO_PRICE: the paper broker knows no price for {order.Symbol}, so it cannot fill or check {order.ClientOrderId}; set one first";
            await InsertOrderAsync(connection, transaction, order, null, PaperOrderState.Rejected, reason, cancellationToken).ConfigureAwait(false);
            await AppendEventAsync(connection, transaction, counters, PaperEventKind.Reject, order.ClientOrderId, null, null, order.Symbol, side, null, null, null, reason, order.EventTimeNs, cancellationToken).ConfigureAwait(false);
            await SaveCountersAsync(connection, transaction, counters, cancellationToken).ConfigureAwait(false);
            return SubmitOutcome.Rejected(reason);
        }

        long orderNumber = counters.NextOrderNumber++;
        await InsertOrderAsync(connection, transaction, order, orderNumber, PaperOrderState.Open, null, cancellationToken).ConfigureAwait(false);
        await AppendEventAsync(connection, transaction, counters, PaperEventKind.Ack, order.ClientOrderId, orderNumber, null, order.Symbol, side, null, null, null, null, order.EventTimeNs, cancellationToken).ConfigureAwait(false);
        if (Crosses(side, order.LimitPriceMicros, lastPrice.Value))
        {
            await FillAsync(connection, transaction, order.ClientOrderId, orderNumber, order.Symbol, side, order.Quantity, lastPrice.Value, order.EventTimeNs, counters, cancellationToken).ConfigureAwait(false);
        }

        await SaveCountersAsync(connection, transaction, counters, cancellationToken).ConfigureAwait(false);
        return SubmitOutcome.Accepted(PaperBrokerIds.OrderText(orderNumber));
    }

    private async Task FillAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string clientOrderId,
        long orderNumber,
        string symbol,
        Side side,
        long quantity,
        long priceMicros,
        long eventTimeNs,
        Counters counters,
        CancellationToken cancellationToken)
    {
        // The notional must fit in micros: an order too large to account for is refused (the transaction rolls back).
        _ = checked(quantity * priceMicros);
        long fee = checked(quantity * _options.FeePerShareMicros);
        long fillNumber = counters.NextFillNumber++;
        await AppendEventAsync(connection, transaction, counters, PaperEventKind.Fill, clientOrderId, orderNumber, fillNumber, symbol, side, quantity, priceMicros, fee, null, eventTimeNs, cancellationToken).ConfigureAwait(false);
        await SetStateAsync(connection, transaction, clientOrderId, PaperOrderState.Filled, quantity, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Counters> LockAccountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockAccountSql, connection, transaction);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new PaperBrokerRefusedException("PAPER_ACCOUNT_MISSING: paper_broker.account has no row: the paper broker's account was deleted; reopen it with PaperBroker.OpenAsync");
        }

        return new Counters { NextOrderNumber = reader.GetInt64(0), NextEventId = reader.GetInt64(1), NextFillNumber = reader.GetInt64(2) };
    }

    private static async Task SaveCountersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Counters counters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SaveCountersSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counters.NextOrderNumber });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counters.NextEventId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counters.NextFillNumber });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertOrderAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        OutboxOrder order,
        long? orderNumber,
        PaperOrderState state,
        string? rejectReason,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertOrderSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.ClientOrderId });
        command.Parameters.Add(BigintOrNull(orderNumber));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.Symbol });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PaperText.Of(order.Side) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = order.Quantity });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = order.LimitPriceMicros });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PaperText.Of(state) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 0 });
        command.Parameters.Add(TextOrNull(rejectReason));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = order.EventTimeNs });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task SetStateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string clientOrderId, PaperOrderState state, long filledQuantity, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE paper_broker.orders SET state = $2, filled_quantity = $3 WHERE client_order_id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientOrderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PaperText.Of(state) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = filledQuantity });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task AppendEventAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Counters counters,
        PaperEventKind kind,
        string clientOrderId,
        long? orderNumber,
        long? fillNumber,
        string symbol,
        Side side,
        long? quantity,
        long? priceMicros,
        long? feeMicros,
        string? reason,
        long eventTimeNs,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertEventSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = counters.NextEventId++ });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PaperText.Of(kind) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientOrderId });
        command.Parameters.Add(BigintOrNull(orderNumber));
        command.Parameters.Add(BigintOrNull(fillNumber));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = symbol });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = side == Side.Buy ? "BUY" : "SELL" });
        command.Parameters.Add(BigintOrNull(quantity));
        command.Parameters.Add(BigintOrNull(priceMicros));
        command.Parameters.Add(BigintOrNull(feeMicros));
        command.Parameters.Add(TextOrNull(reason));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = eventTimeNs });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<PaperOrder?> ReadOrderAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string clientOrderId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {OrderColumns} FROM paper_broker.orders WHERE client_order_id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientOrderId });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadOrder(reader) : null;
    }

    private static PaperOrder ReadOrder(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetInt64(1),
        reader.GetString(2),
        PaperText.SideOf(reader.GetString(3)),
        reader.GetInt64(4),
        reader.GetInt64(5),
        PaperText.StateOf(reader.GetString(6)),
        reader.GetInt64(7),
        reader.IsDBNull(8) ? null : reader.GetString(8));

    private static PaperEvent ReadEvent(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        PaperText.KindOf(reader.GetString(1)),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetInt64(3),
        reader.IsDBNull(4) ? null : reader.GetInt64(4),
        reader.GetString(5),
        PaperText.SideOf(reader.GetString(6)),
        reader.IsDBNull(7) ? 0 : reader.GetInt64(7),
        reader.IsDBNull(8) ? 0 : reader.GetInt64(8),
        reader.IsDBNull(9) ? 0 : reader.GetInt64(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.GetInt64(11));

    private static NpgsqlParameter BigintOrNull(long? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value is { } number ? number : DBNull.Value };

    private static NpgsqlParameter TextOrNull(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value is null ? DBNull.Value : value };

    /// <summary>The account row's counters, read under its lock and written back before commit.</summary>
    private sealed class Counters
    {
        public long NextOrderNumber { get; set; }

        public long NextEventId { get; set; }

        public long NextFillNumber { get; set; }
    }
}
