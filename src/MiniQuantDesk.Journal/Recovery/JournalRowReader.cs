using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Writing;
using Npgsql;

namespace MiniQuantDesk.Journal.Recovery;

/// <summary>
/// Reads one engine's journal rows of every run and turns each into its restore event, checking every field: the
/// inverse of the <see cref="JournalWriter"/>'s row format. A field it cannot read is a
/// <see cref="RecoveryException"/> naming the row; none is skipped.
/// </summary>
internal sealed class JournalRowReader(JournalRecoveryOptions options, int engineId)
{
    private const string OutboxSql =
        "SELECT o.id, r.run_number, o.seq, o.client_order_id, o.engine_id, o.symbol, o.side, o.quantity, o.payload::text " +
        "FROM outbox o JOIN runs r USING (run_id) WHERE r.engine_id = $1 ORDER BY o.id";

    private const string CommandsSql =
        "SELECT c.id, r.run_number, c.seq, c.client_order_id, c.engine_id, c.kind, c.quantity, c.limit_price_micros, c.payload::text, c.state " +
        "FROM outbox_commands c JOIN runs r USING (run_id) WHERE r.engine_id = $1 ORDER BY c.id";

    private const string InboxSql =
        "SELECT i.id, r.run_number, i.seq, i.broker_message_id, i.broker_fill_id, i.kind, i.client_order_id, i.fill_quantity, i.fill_price_micros, i.payload::text " +
        "FROM inbox i JOIN runs r USING (run_id) WHERE r.engine_id = $1 ORDER BY i.id";

    private readonly Dictionary<ClientOrderId, RestoredOrder> _orders = [];
    private readonly Dictionary<string, ClientOrderId> _brokerOrders = new(StringComparer.Ordinal);
    private readonly List<RecoveryStep> _replaces = [];

    /// <summary>The restore events, in the order to publish them.</summary>
    public List<RecoveryStep> Steps { get; } = [];

    /// <summary>Orders read.</summary>
    public int Orders { get; private set; }

    /// <summary>Cancels and replaces read.</summary>
    public int Requests { get; private set; }

    /// <summary>Broker messages to replay.</summary>
    public int Messages { get; private set; }

    /// <summary>Inbox rows of messages the engine halted on (not replayed).</summary>
    public int HaltRows { get; private set; }

    /// <summary>Reads the three tables and sorts the events.</summary>
    public async Task ReadAsync(NpgsqlConnection connection, string engineText, CancellationToken cancellationToken)
    {
        await ReadRowsAsync(connection, OutboxSql, engineText, ReadOrder, cancellationToken).ConfigureAwait(false);
        await ReadRowsAsync(connection, CommandsSql, engineText, ReadRequest, cancellationToken).ConfigureAwait(false);
        await ReadRowsAsync(connection, InboxSql, engineText, ReadMessage, cancellationToken).ConfigureAwait(false);
        Steps.Sort();
    }

    private static async Task ReadRowsAsync(NpgsqlConnection connection, string sql, string engineText, Action<NpgsqlDataReader> read, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = engineText });
        using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            read(reader);
        }
    }

    private void ReadOrder(NpgsqlDataReader row)
    {
        const string Table = "outbox";
        long id = row.GetInt64(0);
        long run = row.GetInt64(1);
        long sequence = row.GetInt64(2);
        ClientOrderId clientOrderId = OwnClientOrderId(Table, id, "client_order_id", row.GetString(3), run);
        CheckEngineText(Table, id, row.GetString(4));
        string symbolText = row.GetString(5);
        SymbolId symbol = options.SymbolOf(symbolText);
        if (!symbol.IsSet)
        {
            throw Refuse(Table, id, "symbol", $"symbol '{symbolText}' is not one the engines trade");
        }

        Side side = row.GetString(6) switch
        {
            "BUY" => Side.Buy,
            "SELL" => Side.Sell,
            string other => throw Refuse(Table, id, "side", $"side '{other}' is neither BUY nor SELL"),
        };
        using JsonDocument payload = Payload(Table, id, row.GetString(8));
        string command = PayloadText(Table, id, payload, "command");
        if (command is not ("SUBMIT" or "FLATTEN"))
        {
            throw Refuse(Table, id, "payload.command", $"command '{command}' is not a new order (SUBMIT or FLATTEN)");
        }

        OrderType type = PayloadText(Table, id, payload, "order_type") switch
        {
            "MARKET" => OrderType.Market,
            "LIMIT" => OrderType.Limit,
            string other => throw Refuse(Table, id, "payload.order_type", $"order type '{other}' is neither MARKET nor LIMIT"),
        };
        var order = new RestoredOrder
        {
            ClientOrderId = clientOrderId,
            Symbol = symbol,
            Side = side,
            Quantity = row.GetInt64(7),
            Type = type,
            LimitPrice = new Price(PayloadNumber(Table, id, payload, "limit_price_micros")),
            TimeInForce = TimeInForceOf(Table, id, payload),
        };
        if (!_orders.TryAdd(clientOrderId, order))
        {
            throw Refuse(Table, id, "client_order_id", $"order {clientOrderId} appears twice");
        }

        long at = PayloadNumber(Table, id, payload, "event_time_ns");
        Steps.Add(new RecoveryStep(run, sequence, RecoveryStep.OrderRank, clientOrderId.IntentIndex, PipelineEventKind.RestoreOrder, at, order, default, default));
        Orders++;
    }

    /// <summary>
    /// The order's time in force from <c>payload.time_in_force</c>. A row without the field was written before the
    /// journal kept it, when the gateway (the only maker of orders) made every order good till canceled: such a row
    /// is read as <see cref="TimeInForce.GoodTillCanceled"/>, by that documented default. A field that is there but
    /// spells no time in force is refused.
    /// </summary>
    private static TimeInForce TimeInForceOf(string table, long id, JsonDocument payload)
    {
        string? text = PayloadOptionalText(table, id, payload, "time_in_force");
        if (text is null)
        {
            return TimeInForce.GoodTillCanceled;
        }

        return TimeInForceText.TryParse(text, out TimeInForce timeInForce)
            ? timeInForce
            : throw Refuse(table, id, "payload.time_in_force", $"time in force '{text}' is none of DAY, GTC, IOC, FOK, OPG, CLS");
    }

    private void ReadRequest(NpgsqlDataReader row)
    {
        const string Table = "outbox_commands";
        long id = row.GetInt64(0);
        long run = row.GetInt64(1);
        long sequence = row.GetInt64(2);
        ClientOrderId clientOrderId = OwnClientOrderId(Table, id, "client_order_id", row.GetString(3), run: null);
        CheckEngineText(Table, id, row.GetString(4));
        if (!_orders.ContainsKey(clientOrderId))
        {
            throw Refuse(Table, id, "client_order_id", $"order {clientOrderId} has no outbox row of this engine");
        }

        CommandKind kind = row.GetString(5) switch
        {
            "CANCEL" => CommandKind.Cancel,
            "REPLACE" => CommandKind.Replace,
            string other => throw Refuse(Table, id, "kind", $"kind '{other}' is neither CANCEL nor REPLACE"),
        };
        bool queued = row.GetString(9) == "QUEUED";
        if (queued && kind != CommandKind.Cancel)
        {
            throw Refuse(Table, id, "state", $"a queued {row.GetString(5)}: only a cancel is ever queued");
        }

        var request = new RestoredRequest
        {
            Kind = kind,
            Queued = queued,
            ClientOrderId = clientOrderId,
            Quantity = kind == CommandKind.Replace ? Required(Table, id, row, 6, "quantity") : 0,
            LimitPrice = new Price(kind == CommandKind.Replace ? Required(Table, id, row, 7, "limit_price_micros") : 0),
        };
        using JsonDocument payload = Payload(Table, id, row.GetString(8));
        long at = PayloadNumber(Table, id, payload, "event_time_ns");
        var step = new RecoveryStep(run, sequence, RecoveryStep.RequestRank, id, PipelineEventKind.RestoreRequest, at, default, request, default);
        Steps.Add(step);
        if (kind == CommandKind.Replace)
        {
            _replaces.Add(step);
        }

        Requests++;
    }

    private void ReadMessage(NpgsqlDataReader row)
    {
        const string Table = "inbox";
        long id = row.GetInt64(0);
        long run = row.GetInt64(1);
        long sequence = row.GetInt64(2);
        using JsonDocument payload = Payload(Table, id, row.GetString(9));
        string outcome = PayloadText(Table, id, payload, "outcome");
        if (outcome == "HALT")
        {
            // The engine halted on this message and it changed nothing; the halt itself is in the run's row.
            HaltRows++;
            return;
        }

        if (outcome != "APPLIED")
        {
            throw Refuse(Table, id, "payload.outcome", $"outcome '{outcome}' is neither APPLIED nor HALT");
        }

        BrokerEventKind kind = KindOf(Table, id, row.GetString(5));
        string? brokerOrderText = PayloadOptionalText(Table, id, payload, "broker_order_id");
        var message = new BrokerOrderEvent
        {
            Kind = kind,
            MessageId = Handle(Table, id, "broker_message_id", BrokerIdKind.Message, row.GetString(3)),
            BrokerOrderId = brokerOrderText is null ? BrokerOrderId.None : new BrokerOrderId(Handle(Table, id, "payload.broker_order_id", BrokerIdKind.Order, brokerOrderText)),
            Fee = new Money(PayloadNumber(Table, id, payload, "fee_micros")),
            EventTimeNs = PayloadNumber(Table, id, payload, "event_time_ns"),
        };
        ClientOrderId clientOrderId = row.IsDBNull(6) ? ClientOrderId.None : OwnClientOrderId(Table, id, "client_order_id", row.GetString(6), run: null);
        if (!clientOrderId.IsSet && (brokerOrderText is null || !_brokerOrders.TryGetValue(brokerOrderText, out clientOrderId)))
        {
            throw Refuse(Table, id, "client_order_id", "the message names no order of this engine, by client order id or by a broker order id the journal mapped");
        }

        if (!_orders.TryGetValue(clientOrderId, out RestoredOrder order))
        {
            throw Refuse(Table, id, "client_order_id", $"order {clientOrderId} has no outbox row of this engine");
        }

        message.ClientOrderId = clientOrderId;
        if (brokerOrderText is not null && kind is BrokerEventKind.Ack or BrokerEventKind.ReplaceAck or BrokerEventKind.Fill)
        {
            _brokerOrders.TryAdd(brokerOrderText, clientOrderId);
        }

        if (kind == BrokerEventKind.Fill)
        {
            message.FillId = Handle(Table, id, "broker_fill_id", BrokerIdKind.Fill, row.IsDBNull(4) ? string.Empty : row.GetString(4));
            message.Symbol = order.Symbol;
            message.Side = order.Side;
            message.Quantity = Required(Table, id, row, 7, "fill_quantity");
            message.Price = new Price(Required(Table, id, row, 8, "fill_price_micros"));
        }
        else if (kind == BrokerEventKind.ReplaceAck)
        {
            // The inbox keeps no terms for a replace ack: they are the replace's the engine sent, which the broker
            // confirmed (the engine checked that they matched).
            RestoredRequest replace = LastReplaceBefore(Table, id, clientOrderId, run, sequence);
            message.Quantity = replace.Quantity;
            message.Price = replace.LimitPrice;
        }

        Steps.Add(new RecoveryStep(run, sequence, RecoveryStep.BrokerRank, id, PipelineEventKind.RestoreBroker, message.EventTimeNs, default, default, message));
        Messages++;
    }

    private RestoredRequest LastReplaceBefore(string table, long id, ClientOrderId order, long run, long sequence)
    {
        RestoredRequest found = default;
        foreach (RecoveryStep step in _replaces)
        {
            bool before = step.RunNumber < run || (step.RunNumber == run && step.Sequence < sequence);
            if (before && step.Request.ClientOrderId == order)
            {
                found = step.Request;
            }
        }

        return found.Kind == CommandKind.Replace
            ? found
            : throw Refuse(table, id, "kind", $"a replace ack for order {order} without a replace the engine sent before it");
    }

    private ClientOrderId OwnClientOrderId(string table, long id, string field, string text, long? run)
    {
        if (!ClientOrderId.TryParse(text, out ClientOrderId clientOrderId))
        {
            throw Refuse(table, id, field, $"'{text}' is not a client order id (E<engine>-R<run>-S<sequence>-I<intent>)");
        }

        if (clientOrderId.EngineId != engineId)
        {
            throw Refuse(table, id, field, $"order {text} is engine {clientOrderId.EngineId}'s, not engine {engineId}'s");
        }

        if (run is { } number && clientOrderId.RunId != number)
        {
            throw Refuse(table, id, field, $"order {text} carries run {clientOrderId.RunId} but its row is run {number}'s");
        }

        return clientOrderId;
    }

    private void CheckEngineText(string table, long id, string text)
    {
        if (text != engineId.ToString(CultureInfo.InvariantCulture))
        {
            throw Refuse(table, id, "engine_id", $"engine '{text}' differs from its run's engine {engineId}");
        }
    }

    private long Handle(string table, long id, string field, BrokerIdKind kind, string text)
    {
        long handle = text.Length == 0 ? 0 : options.BrokerIdHandle(kind, text);
        return handle > 0 ? handle : throw Refuse(table, id, field, $"'{text}' is not a broker {kind.ToString().ToLowerInvariant()} id the adapter knows");
    }

    private static BrokerEventKind KindOf(string table, long id, string text) => text switch
    {
        "ACK" => BrokerEventKind.Ack,
        "REJECT" => BrokerEventKind.Reject,
        "FILL" => BrokerEventKind.Fill,
        "CANCEL_ACK" => BrokerEventKind.CancelAck,
        "CANCEL_REJECT" => BrokerEventKind.CancelReject,
        "REPLACE_ACK" => BrokerEventKind.ReplaceAck,
        "REPLACE_REJECT" => BrokerEventKind.ReplaceReject,
        "EXPIRED" => BrokerEventKind.Expired,
        _ => throw Refuse(table, id, "kind", $"kind '{text}' is no broker message kind"),
    };

    private static long Required(string table, long id, NpgsqlDataReader row, int column, string field) =>
        row.IsDBNull(column) ? throw Refuse(table, id, field, "is missing") : row.GetInt64(column);

    private static JsonDocument Payload(string table, long id, string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw Refuse(table, id, "payload", $"is not JSON ({exception.Message})", exception);
        }
    }

    private static string PayloadText(string table, long id, JsonDocument payload, string name) =>
        PayloadOptionalText(table, id, payload, name) ?? throw Refuse(table, id, "payload." + name, "is missing");

    private static string? PayloadOptionalText(string table, long id, JsonDocument payload, string name)
    {
        if (!payload.RootElement.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Refuse(table, id, "payload." + name, $"is {value.ValueKind}, not text");
    }

    private static long PayloadNumber(string table, long id, JsonDocument payload, string name) =>
        payload.RootElement.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number)
            ? number
            : throw Refuse(table, id, "payload." + name, "is not a whole number");

    private static RecoveryException Refuse(string table, long id, string field, string problem, Exception? cause = null) =>
        new(table, id, field, string.Create(
            CultureInfo.InvariantCulture,
            $"{table} row {id}, {field}: {problem}. The journal cannot be restored past this row and the engine must not start; repair the row (or resolve it with the operator tools) and start again."),
            cause);
}
