using System.Globalization;
using System.Net.Sockets;
using MiniQuantDesk.Engine;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Time;
using MiniQuantDesk.Ring.Processing;
using Npgsql;
using NpgsqlTypes;

namespace MiniQuantDesk.Journal.Writing;

/// <summary>
/// The journal consumer: a ring handler placed in <see cref="TradingPipelineOptions.Downstream"/>, after the business
/// logic and before the dispatcher. It collects what each batch of events produced, in sequence order, and commits it
/// in ONE transaction at the batch's end: outbox rows for approved new orders, <c>outbox_commands</c> rows for
/// approved cancels and replaces (and QUEUED rows, with no target, for cancels queued until the broker names the
/// order; the ack that makes one due turns its row into the cancel to send), inbox rows for broker messages (with the broker order map on an ack and the
/// broker cursor), the run's and arm state's changes from operator commands and halts, and the engine's latest risk
/// checkpoint (<c>risk_state</c>: daily loss baseline, drawdown peak, kill switch) when the batch changed it.
/// <code>
/// producers ─▶ [ ring ] ─▶ business logic ─▶ journal (this; one transaction per batch) ─▶ dispatcher
/// </code>
/// <para>Durable state is a prefix of the event sequence: the ring processor advances this handler's sequence only
/// after <c>OnEvent(endOfBatch: true)</c> returned, which is after the commit, so a handler after the journal only
/// sees events whose rows are committed. <see cref="CommittedThrough"/> (ordered write after the commit, volatile
/// read) says the same to anyone, and <see cref="ThrowIfNotCommitted"/> lets a dispatcher check it per event.</para>
/// <para>Fail closed: a commit that fails throws <see cref="JournalUnavailableException"/> (database down or lost) or
/// <see cref="JournalInvariantBreachException"/> (a constraint or the engine's own outcome contradicted), which faults
/// the pipeline; the writer then refuses every later event. The business-logic thread never waits on the database:
/// this handler has its own processor thread, and only a full ring makes producers wait for it.</para>
/// <para>Buffers (the row lists and the statement batch) are reused from batch to batch; the row texts are made on
/// this thread, never on the business-logic thread.</para>
/// </summary>
public sealed class JournalWriter : IValueEventHandler<PipelineEvent>, IDisposable
{
    private const string OutboxCopy =
        "COPY outbox (run_id, client_order_id, engine_id, seq, symbol, side, quantity, payload, state, created_at, updated_at) FROM STDIN (FORMAT BINARY)";

    private const string InboxCopy =
        "COPY inbox (run_id, seq, broker_message_id, broker_fill_id, kind, client_order_id, fill_quantity, fill_price_micros, payload, received_at, applied) FROM STDIN (FORMAT BINARY)";

    private readonly JournalWriterOptions _options;
    private readonly string _engineText;
    private readonly string _databaseName;
    private readonly List<OutboxRow> _outbox = new(1024);
    private readonly List<InboxRow> _inbox = new(1024);
    private readonly NpgsqlBatch _statements = new();
    private readonly List<(int Index, string Breach)> _mustAffectARow = [];
    private NpgsqlConnection? _connection;
    private long _batchFirst = -1;
    private long _cursorMessage;
    private long _cursorTimeNs;
    private RiskCheckpoint _riskJournaled;
    private RiskCheckpoint _riskPending;
    private long _riskPendingSequence = -1;
    private long _riskPendingTimeNs;
    private long _committedThrough = -1;
    private long _transactions;
    private Exception? _failure;

    /// <summary>Creates a writer for one run of one engine; it connects when its thread starts (or at its first
    /// commit, under a polled driver).</summary>
    /// <exception cref="ArgumentException">The options name no database, or an engine or run number out of range.</exception>
    public JournalWriter(JournalWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentNullException.ThrowIfNull(options.SymbolName);
        ArgumentNullException.ThrowIfNull(options.BrokerIdText);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EngineId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.EngineId, ClientOrderId.MaxEngineId);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RunNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.RunNumber, ClientOrderId.MaxRunId);
        _options = options;
        _engineText = options.EngineId.ToString(CultureInfo.InvariantCulture);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        _databaseName = string.Create(CultureInfo.InvariantCulture, $"database '{builder.Database}' at {builder.Host}:{builder.Port}");
    }

    /// <summary>The highest sequence whose rows are committed; −1 before the first commit. Volatile read; written
    /// (ordered) only after the transaction committed.</summary>
    public long CommittedThrough => Volatile.Read(ref _committedThrough);

    /// <summary>What stopped the writer (a <see cref="JournalUnavailableException"/> or a
    /// <see cref="JournalInvariantBreachException"/>), or null while it runs. Safe to read once its thread stopped.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>How many transactions the writer committed (batches that produced no row need none).</summary>
    public long Transactions => Volatile.Read(ref _transactions);

    /// <summary>A dispatcher's check, per event, that the journal made it durable before it acts on it.</summary>
    /// <exception cref="JournalInvariantBreachException"><paramref name="sequence"/> is not committed yet: a handler
    /// ran ahead of the journal, which must never happen.</exception>
    public void ThrowIfNotCommitted(long sequence)
    {
        long committed = CommittedThrough;
        if (sequence > committed)
        {
            throw new JournalInvariantBreachException(string.Create(
                CultureInfo.InvariantCulture,
                $"Sequence {sequence} reached a handler after the journal, but the journal committed only through {committed} in {_databaseName}: nothing may act on an event before it is durable."));
        }
    }

    /// <summary>Connects and checks that the run exists and belongs to the writer's engine and run number.</summary>
    public void OnStart()
    {
        ThrowIfFailed();
        try
        {
            EnsureConnected();
        }
        catch (JournalInvariantBreachException exception)
        {
            throw Fail(exception);
        }
        catch (Exception exception) when (IsDatabaseFailure(exception))
        {
            throw Fail(new JournalUnavailableException(
                $"The journal cannot reach {_databaseName} before its first event: {exception.Message} Start the database (or set MQK_DATABASE_URL) and start the run again.",
                exception));
        }
    }

    /// <summary>Starts collecting a batch.</summary>
    public void OnBatchStart(long batchSize)
    {
        ThrowIfFailed();
        _batchFirst = -1;
    }

    /// <summary>Collects what the event produced; at the batch's end, commits the batch.</summary>
    /// <exception cref="JournalUnavailableException">The commit failed for want of the database.</exception>
    /// <exception cref="JournalInvariantBreachException">The batch contradicts the journal or the engine.</exception>
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        ThrowIfFailed();
        if (_batchFirst < 0)
        {
            _batchFirst = sequence;
        }

        try
        {
            Collect(ref data, sequence);
        }
        catch (Exception exception) when (exception is ArgumentException or JournalInvariantBreachException)
        {
            ClearBatch();
            throw Fail(exception as JournalInvariantBreachException ?? new JournalInvariantBreachException(
                string.Create(CultureInfo.InvariantCulture, $"Event {sequence} cannot be journaled: {exception.Message}"),
                exception));
        }

        if (endOfBatch)
        {
            Commit(_batchFirst, sequence);
            _batchFirst = -1;
        }
    }

    /// <summary>Closes the connection when the processor stops.</summary>
    public void OnShutdown() => CloseConnection();

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        CloseConnection();
        _statements.Dispose();
    }

    private void Collect(ref PipelineEvent data, long sequence)
    {
        if (data.EngineId != _options.EngineId)
        {
            if (data.Refused.IsSet)
            {
                // Refused before any stage (an unknown engine, say): it changed nothing of this engine.
                return;
            }

            throw new JournalInvariantBreachException(string.Create(
                CultureInfo.InvariantCulture,
                $"Event {sequence} belongs to engine {data.EngineId}, but this journal writes run {_options.RunNumber} of engine {_options.EngineId} only: give each engine its own writer, or route events to the right engine."));
        }

        if (data.Kind == PipelineEventKind.CorporateAction && !data.Refused.IsSet)
        {
            throw new JournalInvariantBreachException(string.Create(
                CultureInfo.InvariantCulture,
                $"Event {sequence} is a corporate action of symbol {data.CorporateAction.Symbol.Value} for engine {data.EngineId}, but corporate actions are not yet journaled: a restart from this journal would restore positions and orders as they were before it. Nothing of this batch was committed; stop the engine, and restart it from the journal with the corporate action published again after the restore."));
        }

        if (data.Kind == PipelineEventKind.Control && !data.Refused.IsSet)
        {
            CollectControl(ref data);
        }

        if (data.RiskState.HasEquity && data.RiskState != (_riskPendingSequence >= 0 ? _riskPending : _riskJournaled))
        {
            // Only the batch's last checkpoint is written: it is the state as of the batch's end.
            _riskPending = data.RiskState;
            _riskPendingSequence = sequence;
            _riskPendingTimeNs = data.EventTimeNs;
        }

        for (int index = 0; index < data.Decisions.Count; index++)
        {
            CommandDecision decision = data.Decisions[index];
            if (decision.Decision.IsApproved)
            {
                OrderCommand command = decision.Decision.Approved.Command;
                bool releasesQueued = command.Kind == CommandKind.Cancel && data.Kind == PipelineEventKind.Broker
                    && data.OrderEvent.IsCancelDue && data.OrderEvent.ClientOrderId == command.ClientOrderId;
                CollectApproved(in command, sequence, releasesQueued);
            }
        }

        for (int index = 0; index < data.QueuedCancels.Count; index++)
        {
            CollectQueuedCancel(data.QueuedCancels[index], sequence, data.EventTimeNs);
        }

        if (data.Kind == PipelineEventKind.Broker && !data.Refused.IsSet)
        {
            CollectBroker(ref data, sequence);
        }

        if (data.HaltedNow.IsSet)
        {
            string reason = data.HaltedNow.Describe();
            DateTime at = EventTimestamp.Of(data.EventTimeNs);
            AddStatement("UPDATE runs SET state = 'HALTED', halt_reason = $2 WHERE run_id = $1 AND state <> 'HALTED'", _options.RunId, reason);
            AddArmState(armed: false, reason, at);
        }
    }

    private void CollectControl(ref PipelineEvent data)
    {
        DateTime at = EventTimestamp.Of(data.EventTimeNs);
        switch (data.Control.Kind)
        {
            case ControlKind.Arm when data.Armed:
                AddStatement("UPDATE runs SET state = 'ARMED' WHERE run_id = $1 AND state = 'CREATED'", _options.RunId);
                AddArmState(armed: true, reason: null, at);
                break;
            case ControlKind.Arm:
                // The operator asked, but a halted guard keeps the engine disarmed: the journal says why.
                AddArmState(armed: false, NotArmedText(ref data, "ARM_REFUSED: the engine stayed disarmed"), at);
                break;
            case ControlKind.Disarm:
                AddArmState(armed: false, NotArmedText(ref data, "OPERATOR_DISARM: disarmed by the operator"), at);
                break;
            case ControlKind.ClearHalt:
                AddStatement("UPDATE runs SET state = 'STOPPED' WHERE run_id = $1 AND state = 'HALTED'", _options.RunId);
                AddArmState(
                    armed: false,
                    string.Create(CultureInfo.InvariantCulture, $"HALT_CLEARED: the operator cleared the halt at {EventTime.Format(data.EventTimeNs)}; disarmed until armed again"),
                    at);
                break;
            default:
                // Halt arrives as HaltedNow; the other commands change no run or arm state.
                break;
        }
    }

    private static string NotArmedText(ref PipelineEvent data, string fallback) =>
        data.NotArmedReason.IsSet
            ? data.NotArmedReason.Describe()
            : string.Create(CultureInfo.InvariantCulture, $"{fallback} at {EventTime.Format(data.EventTimeNs)}");

    private void CollectApproved(in OrderCommand command, long sequence, bool releasesQueued)
    {
        // A new order carries this run's number; a cancel or replace may be for an order an earlier run created.
        bool newOrder = CommandKindText.IsNewOrder(command.Kind);
        if (command.ClientOrderId.EngineId != _options.EngineId || (newOrder && command.ClientOrderId.RunId != _options.RunNumber))
        {
            throw new JournalInvariantBreachException(string.Create(
                CultureInfo.InvariantCulture,
                $"Event {sequence} approved order {command.ClientOrderId} of engine {command.ClientOrderId.EngineId}, run {command.ClientOrderId.RunId}, but this journal writes run {_options.RunNumber} of engine {_options.EngineId}: the engine's run id must be the run's number."));
        }

        string kind = CommandKindText.Of(command.Kind);
        // "kind" is the key the outbox dispatcher reads (SUBMIT or FLATTEN); "command" is kept for the journal's readers.
        // A new order carries its time in force, which a restore gives the order back.
        string timeInForce = newOrder ? string.Concat(",\"time_in_force\":\"", TimeInForceText.Of(command.TimeInForce), "\"") : string.Empty;
        string payload = string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"kind":"{{kind}}","command":"{{kind}}","order_type":"{{OrderTypeText.Of(command.LimitPrice)}}","limit_price_micros":{{command.LimitPrice.Micros}}{{timeInForce}},"event_time_ns":{{command.EventTimeNs}}}""");
        DateTime at = EventTimestamp.Of(command.EventTimeNs);
        if (newOrder)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(command.Quantity);
            _outbox.Add(new OutboxRow(
                command.ClientOrderId.ToString(),
                sequence,
                _options.SymbolName(command.Symbol),
                SideText.Of(command.Side),
                command.Quantity,
                payload,
                at));
            return;
        }

        if (releasesQueued)
        {
            // The broker's ack named an order whose cancel was queued (journaled then, with no target): the same row
            // becomes the cancel to send, under this event and this run, so a restore replays it after the ack.
            AddStatement(
                "UPDATE outbox_commands SET run_id = $1, seq = $2, target_broker_order_id = $3, payload = $4::jsonb, state = 'PENDING', updated_at = $5 " +
                "WHERE client_order_id = $6 AND kind = 'CANCEL' AND state = 'QUEUED'",
                _options.RunId,
                sequence,
                _options.BrokerIdText(BrokerIdKind.Order, command.Target.Handle),
                payload,
                at,
                command.ClientOrderId.ToString());
            _mustAffectARow.Add((_statements.BatchCommands.Count - 1, string.Create(
                CultureInfo.InvariantCulture,
                $"The broker's ack made the queued cancel of order {command.ClientOrderId} due (event {sequence}), but the journal holds no queued cancel for that order.")));
            return;
        }

        bool replace = command.Kind == CommandKind.Replace;
        AddStatement(
            "INSERT INTO outbox_commands (run_id, client_order_id, engine_id, seq, kind, quantity, limit_price_micros, target_broker_order_id, payload, state, created_at, updated_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, 'PENDING', $10, $10)",
            _options.RunId,
            command.ClientOrderId.ToString(),
            _engineText,
            sequence,
            kind,
            replace ? command.Quantity : null,
            replace ? command.LimitPrice.Micros : null,
            command.Target.IsSet ? _options.BrokerIdText(BrokerIdKind.Order, command.Target.Handle) : null,
            payload,
            at);
    }

    private void CollectQueuedCancel(ClientOrderId order, long sequence, long eventTimeNs)
    {
        if (order.EngineId != _options.EngineId)
        {
            throw new JournalInvariantBreachException(string.Create(
                CultureInfo.InvariantCulture,
                $"Event {sequence} queued a cancel of order {order} of engine {order.EngineId}, but this journal writes engine {_options.EngineId}."));
        }

        // No target yet: the row is QUEUED, which nothing sends, until the ack that names the order releases it.
        AddStatement(
            "INSERT INTO outbox_commands (run_id, client_order_id, engine_id, seq, kind, payload, state, created_at, updated_at) " +
            "VALUES ($1, $2, $3, $4, 'CANCEL', $5::jsonb, 'QUEUED', $6, $6)",
            _options.RunId,
            order.ToString(),
            _engineText,
            sequence,
            string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"CANCEL","command":"CANCEL","queued":true,"event_time_ns":{{eventTimeNs}}}"""),
            EventTimestamp.Of(eventTimeNs));
    }

    private void CollectBroker(ref PipelineEvent data, long sequence)
    {
        ref BrokerOrderEvent message = ref data.Broker;
        OrderEventResult result = data.OrderEvent;
        if (message.MessageId == 0)
        {
            // Malformed (the engine halted on it and HaltedNow says why): no key to store it under.
            return;
        }

        string messageId = _options.BrokerIdText(BrokerIdKind.Message, message.MessageId);
        _cursorMessage = message.MessageId;
        _cursorTimeNs = message.EventTimeNs;
        if (result.Outcome is OrderEventOutcome.DuplicateIgnored or OrderEventOutcome.None)
        {
            // The engine saw it before (or never handled it): it changed nothing, so there is no row to add; the
            // inbox's unique keys would refuse it anyway.
            return;
        }

        bool fill = message.Kind == BrokerEventKind.Fill;
        bool wellFormed = !fill || (message.FillId != 0 && message.Quantity > 0 && message.Price.Micros > 0);
        if (result.Outcome == OrderEventOutcome.Halt && !wellFormed)
        {
            // The engine halted on a malformed fill; the halt's reason is journaled, the fill cannot be.
            return;
        }

        bool applied = result.Outcome == OrderEventOutcome.Applied && (!fill || data.PortfolioFill.Status == FillStatus.Applied);
        ClientOrderId order = result.ClientOrderId.IsSet ? result.ClientOrderId : message.ClientOrderId;
        string? orderText = order.IsSet ? order.ToString() : null;
        string? brokerOrder = message.BrokerOrderId.IsSet ? _options.BrokerIdText(BrokerIdKind.Order, message.BrokerOrderId.Handle) : null;
        string payload = string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"fee_micros":{{message.Fee.Micros}},"broker_order_id":{{(brokerOrder is null ? "null" : JsonText(brokerOrder))}},"event_time_ns":{{message.EventTimeNs}},"outcome":"{{OutcomeText(result.Outcome)}}"}""");
        _inbox.Add(new InboxRow(
            sequence,
            messageId,
            fill ? _options.BrokerIdText(BrokerIdKind.Fill, message.FillId) : null,
            InboxKindText.Of(message.Kind),
            orderText,
            fill ? message.Quantity : 0,
            fill ? message.Price.Micros : 0,
            payload,
            EventTimestamp.Of(message.EventTimeNs),
            applied));

        if (result.Outcome == OrderEventOutcome.Applied && message.Kind == BrokerEventKind.Ack && brokerOrder is not null && orderText is not null)
        {
            // An identical mapping already there is fine (the same ack journaled by an earlier process); another
            // mapping for the order touches no row, and another order under the broker id breaks the unique key.
            AddStatement(
                "INSERT INTO broker_order_map AS m (client_order_id, broker_order_id, mapped_at) VALUES ($1, $2, $3) " +
                "ON CONFLICT (client_order_id) DO UPDATE SET mapped_at = m.mapped_at WHERE m.broker_order_id = EXCLUDED.broker_order_id",
                orderText,
                brokerOrder,
                EventTimestamp.Of(message.EventTimeNs));
            _mustAffectARow.Add((_statements.BatchCommands.Count - 1, string.Create(
                CultureInfo.InvariantCulture,
                $"The broker acknowledged order {orderText} as broker order {brokerOrder} (event {sequence}), but the journal maps that order to another broker order.")));
        }
    }

    private static string OutcomeText(OrderEventOutcome outcome) => outcome switch
    {
        OrderEventOutcome.Applied => "APPLIED",
        OrderEventOutcome.Halt => "HALT",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only applied and halting broker messages get an inbox row."),
    };

    /// <summary>A JSON string literal; broker texts are escaped, never trusted to be plain.</summary>
    private static string JsonText(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private void AddArmState(bool armed, string? reason, DateTime at) =>
        AddStatement(
            "INSERT INTO arm_state (engine_id, armed, reason, changed_at) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (engine_id) DO UPDATE SET armed = EXCLUDED.armed, reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at",
            _engineText,
            armed,
            reason,
            at);

    private void AddStatement(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (object? value in values)
        {
            command.Parameters.Add(value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown } : new NpgsqlParameter { Value = value });
        }

        _statements.BatchCommands.Add(command);
    }

    private void Commit(long first, long last)
    {
        if (_cursorMessage != 0)
        {
            AddStatement(
                "INSERT INTO broker_cursor (run_id, cursor, updated_at) VALUES ($1, $2, $3) " +
                "ON CONFLICT (run_id) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = EXCLUDED.updated_at",
                _options.RunId,
                _options.BrokerIdText(BrokerIdKind.Message, _cursorMessage),
                EventTimestamp.Of(_cursorTimeNs));
        }

        // The risk checkpoint rides with any batch that commits anyway; alone, it is written only when the policy says
        // a restart must not lose it (RiskCheckpointPolicy): otherwise it stays pending for a later commit.
        bool commitsAnyway = _outbox.Count > 0 || _inbox.Count > 0 || _statements.BatchCommands.Count > 0;
        bool riskChanged = _riskPendingSequence >= 0 && _riskPending != _riskJournaled;
        bool writeRisk = riskChanged && (commitsAnyway || RiskCheckpointPolicy.MustWriteAlone(_riskJournaled, _riskPending, _options.RiskPeakStepBasisPoints));
        if (writeRisk)
        {
            AddStatement(
                "INSERT INTO risk_state (engine_id, run_id, seq, trading_day, day_start_equity_micros, peak_equity_micros, kill_switch, updated_at) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (engine_id) DO UPDATE SET run_id = EXCLUDED.run_id, seq = EXCLUDED.seq, " +
                "trading_day = EXCLUDED.trading_day, day_start_equity_micros = EXCLUDED.day_start_equity_micros, " +
                "peak_equity_micros = EXCLUDED.peak_equity_micros, kill_switch = EXCLUDED.kill_switch, updated_at = EXCLUDED.updated_at",
                _engineText,
                _options.RunId,
                _riskPendingSequence,
                _riskPending.TradingDay,
                _riskPending.DayStartEquity.Micros,
                _riskPending.PeakEquity.Micros,
                _riskPending.KillSwitch,
                EventTimestamp.Of(_riskPendingTimeNs));
        }

        RiskCheckpoint committedRisk = writeRisk ? _riskPending : _riskJournaled;
        if (!commitsAnyway && !writeRisk)
        {
            // Nothing to make durable (bars that decided nothing, and a risk state the policy lets wait): no
            // transaction, and the prefix still grows.
            Volatile.Write(ref _committedThrough, last);
            return;
        }

        try
        {
            NpgsqlConnection connection = EnsureConnected();
            using NpgsqlTransaction transaction = connection.BeginTransaction();
            CopyOutbox(connection);
            CopyInbox(connection);
            ExecuteStatements(connection, transaction, first, last);
            transaction.Commit();
        }
        catch (JournalInvariantBreachException exception)
        {
            throw Fail(exception);
        }
        catch (PostgresException exception) when (exception.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            throw Fail(new JournalInvariantBreachException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The journal refused events {first}..{last} in {_databaseName}: constraint {exception.ConstraintName ?? exception.SqlState} on {exception.TableName ?? "a table"} ({exception.MessageText}). {BreachHint(exception)} Nothing of these events was committed; the engine must halt until a person finds how engine and journal came apart."),
                exception));
        }
        catch (Exception exception) when (IsDatabaseFailure(exception))
        {
            throw Fail(new JournalUnavailableException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The journal could not commit events {first}..{last} to {_databaseName}: {exception.GetType().Name}: {exception.Message} These events are not durable (if the connection broke during the commit itself, look in the journal before trusting either outcome); everything committed before them is. Bring the database back and restart the run from the journal."),
                exception));
        }
        finally
        {
            ClearBatch();
        }

        _riskJournaled = committedRisk;
        Interlocked.Increment(ref _transactions);
        Volatile.Write(ref _committedThrough, last);
    }

    private static string BreachHint(PostgresException exception) => exception.ConstraintName switch
    {
        "inbox_one_fill_per_run" => "The engine applied a fill that the inbox already holds: it would be counted twice.",
        "inbox_one_message_per_run" => "The engine applied a broker message that the inbox already holds.",
        "outbox_client_order_id_key" => "The engine approved an order under a client order id that the outbox already holds.",
        _ => "A row broke the schema's invariants.",
    };

    private void CopyOutbox(NpgsqlConnection connection)
    {
        if (_outbox.Count == 0)
        {
            return;
        }

        using NpgsqlBinaryImporter importer = connection.BeginBinaryImport(OutboxCopy);
        foreach (OutboxRow row in _outbox)
        {
            importer.StartRow();
            importer.Write(_options.RunId, NpgsqlDbType.Uuid);
            importer.Write(row.ClientOrderId, NpgsqlDbType.Text);
            importer.Write(_engineText, NpgsqlDbType.Text);
            importer.Write(row.Sequence, NpgsqlDbType.Bigint);
            importer.Write(row.Symbol, NpgsqlDbType.Text);
            importer.Write(row.Side, NpgsqlDbType.Text);
            importer.Write(row.Quantity, NpgsqlDbType.Bigint);
            importer.Write(row.Payload, NpgsqlDbType.Jsonb);
            importer.Write("PENDING", NpgsqlDbType.Text);
            importer.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
            importer.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
        }

        importer.Complete();
    }

    private void CopyInbox(NpgsqlConnection connection)
    {
        if (_inbox.Count == 0)
        {
            return;
        }

        using NpgsqlBinaryImporter importer = connection.BeginBinaryImport(InboxCopy);
        foreach (InboxRow row in _inbox)
        {
            importer.StartRow();
            importer.Write(_options.RunId, NpgsqlDbType.Uuid);
            importer.Write(row.Sequence, NpgsqlDbType.Bigint);
            importer.Write(row.MessageId, NpgsqlDbType.Text);
            WriteOrNull(importer, row.FillId);
            importer.Write(row.Kind, NpgsqlDbType.Text);
            WriteOrNull(importer, row.ClientOrderId);
            if (row.FillId is null)
            {
                importer.WriteNull();
                importer.WriteNull();
            }
            else
            {
                importer.Write(row.FillQuantity, NpgsqlDbType.Bigint);
                importer.Write(row.FillPriceMicros, NpgsqlDbType.Bigint);
            }

            importer.Write(row.Payload, NpgsqlDbType.Jsonb);
            importer.Write(row.ReceivedAt, NpgsqlDbType.TimestampTz);
            importer.Write(row.Applied, NpgsqlDbType.Boolean);
        }

        importer.Complete();
    }

    private static void WriteOrNull(NpgsqlBinaryImporter importer, string? text)
    {
        if (text is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(text, NpgsqlDbType.Text);
        }
    }

    private void ExecuteStatements(NpgsqlConnection connection, NpgsqlTransaction transaction, long first, long last)
    {
        if (_statements.BatchCommands.Count == 0)
        {
            return;
        }

        _statements.Connection = connection;
        _statements.Transaction = transaction;
        _statements.ExecuteNonQuery();
        foreach ((int index, string breach) in _mustAffectARow)
        {
            if (_statements.BatchCommands[index].RecordsAffected == 0)
            {
                throw new JournalInvariantBreachException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{breach} Events {first}..{last} were not committed to {_databaseName}; the engine must halt until a person resolves the mapping."));
            }
        }
    }

    private NpgsqlConnection EnsureConnected()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var connection = new NpgsqlConnection(_options.ConnectionString);
        try
        {
            connection.Open();
            using var check = new NpgsqlCommand("SELECT engine_id, run_number FROM runs WHERE run_id = $1", connection);
            check.Parameters.Add(new NpgsqlParameter { Value = _options.RunId });
            using (NpgsqlDataReader reader = check.ExecuteReader())
            {
                if (!reader.Read())
                {
                    throw new JournalInvariantBreachException(string.Create(CultureInfo.InvariantCulture, $"Run {_options.RunId} does not exist in {_databaseName}: create the run before its journal starts."));
                }

                string engine = reader.GetString(0);
                long number = reader.GetInt64(1);
                if (engine != _engineText || number != _options.RunNumber)
                {
                    throw new JournalInvariantBreachException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Run {_options.RunId} in {_databaseName} is run {number} of engine {engine}, but the writer was given run {_options.RunNumber} of engine {_options.EngineId}."));
                }
            }

            _connection = connection;
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static bool IsDatabaseFailure(Exception exception) =>
        exception is NpgsqlException or IOException or SocketException or TimeoutException or ObjectDisposedException
        || (exception is InvalidOperationException && exception.Source?.StartsWith("Npgsql", StringComparison.Ordinal) == true);

    private Exception Fail(Exception exception)
    {
        _failure ??= exception;
        CloseConnection();
        return exception;
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new JournalUnavailableException($"The journal writer stopped after an earlier failure and commits nothing more: {_failure.Message}", _failure);
        }
    }

    private void ClearBatch()
    {
        _outbox.Clear();
        _inbox.Clear();
        _mustAffectARow.Clear();
        foreach (NpgsqlBatchCommand command in _statements.BatchCommands)
        {
            command.Parameters.Clear();
        }

        _statements.BatchCommands.Clear();
        _cursorMessage = 0;
        _riskPendingSequence = -1;
    }

    private void CloseConnection()
    {
        NpgsqlConnection? connection = _connection;
        _connection = null;
        connection?.Dispose();
    }
}
