using System.Globalization;
using Npgsql;

namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>
/// Submits committed outbox rows to the broker (outbox-first), several dispatchers at once if need be, without
/// ever submitting a row twice.
/// <code>
/// journal ──commit──▶ outbox (PENDING)
///                        │ 1. claim N in id order: UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)   → CLAIMED
///                        │ 2. mark the sends as starting: attempts + 1, committed before any request leaves
///                        │ 3. submit each row with its client_order_id (the broker's idempotency key)
///                        ▼ 4. record every outcome in one guarded UPDATE … FROM unnest(…)   → ACKED | SENT | FAILED | AMBIGUOUS
/// </code>
/// Every update after the claim is guarded by <c>state = 'CLAIMED' AND claimed_by = this dispatcher</c>, so a
/// dispatcher whose claim was taken away can neither send (step 2 refuses) nor overwrite (step 4 refuses). Because a
/// row goes back to PENDING only while no send started, <c>CLAIMED</c> with <c>attempts &gt; 0</c> means a request
/// may have left: a stale claim like that becomes AMBIGUOUS and is never resent.
/// An AMBIGUOUS outcome disarms its engine in <c>arm_state</c> in the same transaction, raises the quarantine
/// callback, holds the engine's remaining rows of the batch unsent, and the claim skips the engine's rows until an
/// operator resolves the row (<see cref="QuarantineCheck.ResolveAsync"/>).
/// One instance is used by one thread at a time.
/// </summary>
public sealed class OutboxDispatcher : IAsyncDisposable
{
    private const string ClaimSql = """
        UPDATE outbox AS o
        SET state = 'CLAIMED', claimed_by = $1, claimed_at = $2, updated_at = $2
        WHERE o.id IN (
            SELECT p.id FROM outbox AS p
            WHERE p.state = 'PENDING'
              AND NOT EXISTS (SELECT 1 FROM outbox AS a WHERE a.engine_id = p.engine_id AND a.state = 'AMBIGUOUS')
            ORDER BY p.id
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.run_id, o.client_order_id, o.engine_id, o.seq, o.symbol, o.side, o.quantity, o.attempts,
                  o.payload ->> 'kind', o.payload ->> 'limit_price_micros', o.payload ->> 'event_time_ns'
        """;

    private const string MarkSendStartedSql = """
        UPDATE outbox SET attempts = attempts + 1, updated_at = $2
        WHERE id = ANY($3) AND state = 'CLAIMED' AND claimed_by = $1
        RETURNING id
        """;

    private const string RecordOutcomesSql = """
        UPDATE outbox AS o
        SET state = u.state,
            broker_order_id = COALESCE(u.broker_order_id, o.broker_order_id),
            last_error = u.last_error,
            sent_at = CASE WHEN u.submitted THEN u.sent_at ELSE o.sent_at END,
            attempts = o.attempts - u.withdrawn,
            claimed_by = CASE WHEN u.state = 'PENDING' THEN NULL ELSE o.claimed_by END,
            claimed_at = CASE WHEN u.state = 'PENDING' THEN NULL ELSE o.claimed_at END,
            updated_at = $2
        FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::timestamptz[], $9::integer[])
             AS u(id, state, broker_order_id, last_error, submitted, sent_at, withdrawn)
        WHERE o.id = u.id AND o.state = 'CLAIMED' AND o.claimed_by = $1
        RETURNING o.id
        """;

    private const string ReclaimBeforeSendSql = """
        UPDATE outbox SET state = 'PENDING', claimed_by = NULL, claimed_at = NULL, updated_at = $2
        WHERE state = 'CLAIMED' AND claimed_at < $1 AND attempts = 0
        RETURNING id
        """;

    private const string StaleAfterSendSql = """
        UPDATE outbox
        SET state = 'AMBIGUOUS', updated_at = $2,
            last_error = 'STALE_CLAIM_AFTER_SEND: ' || claimed_by || ' started send ' || attempts
                         || ' and recorded no outcome within the claim lease; the broker may have the order'
        WHERE state = 'CLAIMED' AND claimed_at < $1 AND attempts > 0
        RETURNING engine_id, client_order_id, last_error
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IOrderSubmitter _submitter;
    private readonly OutboxDispatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<EngineQuarantine>? _onQuarantine;
    private DateTimeOffset? _lastSweep;

    /// <summary>Creates a dispatcher against the database of <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">The journal database (migrated).</param>
    /// <param name="submitter">The broker adapter.</param>
    /// <param name="options">Name, batch size and lease.</param>
    /// <param name="timeProvider">The clock for claim times and the lease (never the wall clock directly).</param>
    /// <param name="onQuarantine">Called after an engine was disarmed because of an AMBIGUOUS or unsendable row: the
    /// engine must halt. Called on the dispatching thread.</param>
    public OutboxDispatcher(
        string connectionString,
        IOrderSubmitter submitter,
        OutboxDispatcherOptions options,
        TimeProvider timeProvider,
        Action<EngineQuarantine>? onQuarantine = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(submitter);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _submitter = submitter;
        _options = options;
        _time = timeProvider;
        _onQuarantine = onQuarantine;
    }

    /// <summary>The claimer name this dispatcher writes to <c>claimed_by</c>.</summary>
    public string Name => _options.Name;

    /// <summary>
    /// Sweeps stale claims when due (at most every half lease), claims one batch and dispatches it.
    /// </summary>
    /// <exception cref="NpgsqlException">The database failed; rows claimed so far stay CLAIMED and are swept later
    /// (reclaimed if no send started, AMBIGUOUS if one did).</exception>
    public async Task<DispatchBatchResult> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        StaleClaimSweep sweep = StaleClaimSweep.None;
        DateTimeOffset now = _time.GetUtcNow();
        if (_lastSweep is null || now - _lastSweep.Value >= _options.Lease / 2)
        {
            sweep = await SweepStaleClaimsAsync(connection, cancellationToken).ConfigureAwait(false);
            _lastSweep = now;
        }

        List<ClaimedRow> rows = await ClaimAsync(connection, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return new DispatchBatchResult { Sweep = sweep };
        }

        long[] sendable = [.. rows.Where(row => row.Order is not null).Select(row => row.Id)];
        HashSet<long> marked = await MarkSendStartedAsync(connection, sendable, cancellationToken).ConfigureAwait(false);

        var outcomes = new List<RowOutcome>(rows.Count);
        var quarantined = new HashSet<string>(StringComparer.Ordinal);
        foreach (ClaimedRow row in rows)
        {
            if (row.Order is null)
            {
                outcomes.Add(RowOutcome.Refused(row, row.Malformed!));
                continue;
            }

            if (!marked.Contains(row.Id))
            {
                // Another dispatcher's sweep took the claim before the send could be recorded: not ours to send.
                continue;
            }

            if (quarantined.Contains(row.EngineId))
            {
                outcomes.Add(RowOutcome.Held(row));
                continue;
            }

            OutboxOrder order = row.Order with { Attempt = row.Order.Attempt + 1 };
            SubmitOutcome outcome = await SubmitAsync(order, cancellationToken).ConfigureAwait(false);
            RowOutcome recorded = RowOutcome.From(row, outcome, _time.GetUtcNow().UtcDateTime);
            if (recorded.State == OutboxState.Ambiguous)
            {
                quarantined.Add(row.EngineId);
            }

            outcomes.Add(recorded);
        }

        HashSet<long> recordedIds = await RecordOutcomesAsync(connection, outcomes, cancellationToken).ConfigureAwait(false);
        return Summarize(rows.Count, outcomes, recordedIds, marked.Count, sendable.Length, sweep);
    }

    /// <summary>
    /// Dispatches until <paramref name="cancellationToken"/> is cancelled, waiting <see cref="OutboxDispatcherOptions.IdleDelay"/>
    /// (on the injected clock) whenever there was nothing to claim. A database failure ends the loop with its exception.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            DispatchBatchResult result = await DispatchOnceAsync(cancellationToken).ConfigureAwait(false);
            if (result.Claimed == 0)
            {
                await Task.Delay(_options.IdleDelay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Gives claims older than the lease back to PENDING when no send started, and makes them AMBIGUOUS (disarming
    /// their engines in the same transaction, then raising the quarantine callback) when one did.
    /// </summary>
    public async Task<StaleClaimSweep> SweepStaleClaimsAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        StaleClaimSweep sweep = await SweepStaleClaimsAsync(connection, cancellationToken).ConfigureAwait(false);
        _lastSweep = _time.GetUtcNow();
        return sweep;
    }

    /// <summary>Closes the dispatcher's connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<StaleClaimSweep> SweepStaleClaimsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        DateTime cutoff = now - _options.Lease;
        int reclaimed = 0;
        var quarantines = new List<EngineQuarantine>();
        await using (NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using (var reclaim = new NpgsqlCommand(ReclaimBeforeSendSql, connection, transaction))
            {
                reclaim.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cutoff });
                reclaim.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
                reclaimed = await reclaim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var ambiguous = new NpgsqlCommand(StaleAfterSendSql, connection, transaction))
            {
                ambiguous.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cutoff });
                ambiguous.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
                await using NpgsqlDataReader reader = await ambiguous.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    string clientOrderId = reader.GetString(1);
                    quarantines.Add(new EngineQuarantine(reader.GetString(0), clientOrderId, $"AMBIGUOUS_SUBMIT: {clientOrderId}: {reader.GetString(2)}{QuarantineCheck.ResolveAdvice}"));
                }
            }

            try
            {
                await ArmStateDisarm.DisarmAsync(connection, transaction, quarantines.Select(q => (q.EngineId, q.Reason)), now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // The engines must halt whether or not the disarm committed: an unknown outcome is unknown either way.
                Raise(quarantines);
            }
        }

        return new StaleClaimSweep(reclaimed, quarantines.Count);
    }

    private async Task<List<ClaimedRow>> ClaimAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Name });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = _time.GetUtcNow().UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        var rows = new List<ClaimedRow>(_options.BatchSize);
        await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(ClaimedRow.Read(reader));
            }
        }

        // RETURNING does not promise an order; the claim order (and so the send order) is id order.
        rows.Sort((left, right) => left.Id.CompareTo(right.Id));
        return rows;
    }

    private async Task<HashSet<long>> MarkSendStartedAsync(NpgsqlConnection connection, long[] ids, CancellationToken cancellationToken)
    {
        var marked = new HashSet<long>(ids.Length);
        if (ids.Length == 0)
        {
            return marked;
        }

        // Autocommit: the mark is durable before the first request of the batch leaves.
        await using var command = new NpgsqlCommand(MarkSendStartedSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Name });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = _time.GetUtcNow().UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ids });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            marked.Add(reader.GetInt64(0));
        }

        return marked;
    }

    private async ValueTask<SubmitOutcome> SubmitAsync(OutboxOrder order, CancellationToken cancellationToken)
    {
        try
        {
            return await _submitter.SubmitAsync(order, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Not swallowed: whatever the adapter threw, the request may have left, so the row becomes AMBIGUOUS with the exception as its error and the engine halts.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return SubmitOutcome.Unknown($"the broker adapter threw {exception.GetType().Name}: {exception.Message}");
        }
    }

    private async Task<HashSet<long>> RecordOutcomesAsync(NpgsqlConnection connection, List<RowOutcome> outcomes, CancellationToken cancellationToken)
    {
        var recorded = new HashSet<long>(outcomes.Count);
        if (outcomes.Count == 0)
        {
            return recorded;
        }

        DateTime now = _time.GetUtcNow().UtcDateTime;
        List<RowOutcome> disarming = [.. outcomes.Where(outcome => outcome.DisarmReason is not null)];
        NpgsqlTransaction? transaction = disarming.Count == 0
            ? null
            : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var quarantines = new List<EngineQuarantine>();
        try
        {
            await using (var command = new NpgsqlCommand(RecordOutcomesSql, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Name });
                command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
                command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. outcomes.Select(o => o.Id)] });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. outcomes.Select(o => OutboxStateMachine.ToText(o.State))] });
                command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. outcomes.Select(o => o.BrokerOrderId)] });
                command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. outcomes.Select(o => o.Error)] });
                command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. outcomes.Select(o => o.Submitted)] });
                command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. outcomes.Select(o => o.SentAt)] });
                command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. outcomes.Select(o => o.Withdrawn ? 1 : 0)] });
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    recorded.Add(reader.GetInt64(0));
                }
            }

            if (transaction is not null)
            {
                // Only rows this dispatcher still held are ours to report; a lost row was recorded by its sweeper.
                quarantines.AddRange(disarming
                    .Where(outcome => recorded.Contains(outcome.Id))
                    .Select(outcome => new EngineQuarantine(outcome.EngineId, outcome.ClientOrderId, outcome.DisarmReason!)));
                await ArmStateDisarm.DisarmAsync(connection, transaction, quarantines.Select(q => (q.EngineId, q.Reason)), now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // The outcomes did not commit; the engines of unknown outcomes must halt all the same.
            quarantines.Clear();
            quarantines.AddRange(disarming.Select(outcome => new EngineQuarantine(outcome.EngineId, outcome.ClientOrderId, outcome.DisarmReason!)));
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            Raise(quarantines);
        }

        return recorded;
    }

    private void Raise(List<EngineQuarantine> quarantines)
    {
        foreach (EngineQuarantine quarantine in quarantines)
        {
            _onQuarantine?.Invoke(quarantine);
        }
    }

    private static DispatchBatchResult Summarize(int claimed, List<RowOutcome> outcomes, HashSet<long> recorded, int marked, int sendable, StaleClaimSweep sweep)
    {
        int Count(Func<RowOutcome, bool> predicate) => outcomes.Count(outcome => recorded.Contains(outcome.Id) && predicate(outcome));
        return new DispatchBatchResult
        {
            Claimed = claimed,
            Acked = Count(o => o.State == OutboxState.Acked),
            Sent = Count(o => o.State == OutboxState.Sent),
            Failed = Count(o => o.State == OutboxState.Failed),
            FailedAfterSubmit = Count(o => o.State == OutboxState.Failed && o.Submitted),
            Ambiguous = Count(o => o.State == OutboxState.Ambiguous),
            Held = Count(o => o.Withdrawn),
            LostClaims = checked((sendable - marked) + outcomes.Count(outcome => !recorded.Contains(outcome.Id))),
            Sweep = sweep,
        };
    }

    /// <summary>A claimed row: the order, or why it cannot be sent.</summary>
    private sealed record ClaimedRow(long Id, string EngineId, string ClientOrderId, OutboxOrder? Order, string? Malformed)
    {
        public static ClaimedRow Read(NpgsqlDataReader reader)
        {
            long id = reader.GetInt64(0);
            string clientOrderId = reader.GetString(2);
            string engineId = reader.GetString(3);
            string? kindText = reader.IsDBNull(9) ? null : reader.GetString(9);
            string? limitText = reader.IsDBNull(10) ? null : reader.GetString(10);
            string? eventTimeText = reader.IsDBNull(11) ? null : reader.GetString(11);

            OutboxOrderKind? kind = kindText switch { "SUBMIT" => OutboxOrderKind.Submit, "FLATTEN" => OutboxOrderKind.Flatten, _ => null };
            string? malformed = kind is null
                ? $"payload.kind is {Describe(kindText)}, not SUBMIT or FLATTEN"
                : !TryParseNonNegative(limitText, out long limit)
                    ? $"payload.limit_price_micros is {Describe(limitText)}, not a whole number of micros >= 0"
                    : !TryParseNonNegative(eventTimeText, out long eventTime)
                        ? $"payload.event_time_ns is {Describe(eventTimeText)}, not a whole number of nanoseconds >= 0"
                        : null;
            if (malformed is not null)
            {
                return new ClaimedRow(id, engineId, clientOrderId, null, $"MALFORMED_OUTBOX_ROW: {clientOrderId} (outbox id {id.ToString(CultureInfo.InvariantCulture)}): {malformed}; it was not sent");
            }

            _ = TryParseNonNegative(limitText, out long limitPrice);
            _ = TryParseNonNegative(eventTimeText, out long eventTimeNs);
            var order = new OutboxOrder(
                id,
                reader.GetGuid(1),
                clientOrderId,
                engineId,
                reader.GetInt64(4),
                reader.GetString(5),
                reader.GetString(6) == "BUY" ? OutboxSide.Buy : OutboxSide.Sell,
                reader.GetInt64(7),
                kind!.Value,
                limitPrice,
                eventTimeNs,
                reader.GetInt32(8));
            return new ClaimedRow(id, engineId, clientOrderId, order, null);
        }

        private static bool TryParseNonNegative(string? text, out long value) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

        private static string Describe(string? text) => text is null ? "missing" : $"'{text}'";
    }

    /// <summary>What to record for one row.</summary>
    private sealed record RowOutcome(
        long Id,
        string EngineId,
        string ClientOrderId,
        OutboxState State,
        string? BrokerOrderId,
        string? Error,
        bool Submitted,
        DateTime SentAt,
        bool Withdrawn,
        string? DisarmReason)
    {
        public static RowOutcome From(ClaimedRow row, SubmitOutcome outcome, DateTime sentAt)
        {
            // Every state written is a legal move from CLAIMED; ACKED goes through SENT, as the broker did.
            OutboxState state = outcome.Kind switch
            {
                SubmitOutcomeKind.Accepted => OutboxStateMachine.Move(OutboxStateMachine.Move(OutboxState.Claimed, OutboxState.Sent), OutboxState.Acked),
                SubmitOutcomeKind.Submitted => OutboxStateMachine.Move(OutboxState.Claimed, OutboxState.Sent),
                SubmitOutcomeKind.Rejected => OutboxStateMachine.Move(OutboxState.Claimed, OutboxState.Failed),
                _ => OutboxStateMachine.Move(OutboxState.Claimed, OutboxState.Ambiguous),
            };
            string? error = outcome.Kind switch
            {
                SubmitOutcomeKind.Rejected => $"REJECTED: {outcome.Reason}",
                SubmitOutcomeKind.Unknown => $"UNKNOWN_OUTCOME: {outcome.Reason}",
                _ => null,
            };
            string? disarm = state == OutboxState.Ambiguous
                ? $"AMBIGUOUS_SUBMIT: {row.ClientOrderId}: the broker's answer is unknown ({outcome.Reason}){QuarantineCheck.ResolveAdvice}"
                : null;
            return new RowOutcome(row.Id, row.EngineId, row.ClientOrderId, state, outcome.BrokerOrderId, error, Submitted: true, sentAt, Withdrawn: false, disarm);
        }

        public static RowOutcome Refused(ClaimedRow row, string reason) =>
            new(row.Id, row.EngineId, row.ClientOrderId, OutboxStateMachine.Move(OutboxState.Claimed, OutboxState.Failed), null, reason, Submitted: false, DateTime.UnixEpoch, Withdrawn: false, DisarmReason: reason);

        public static RowOutcome Held(ClaimedRow row) =>
            new(row.Id, row.EngineId, row.ClientOrderId, OutboxStateMachine.Move(OutboxState.Claimed, OutboxState.Pending), null, null, Submitted: false, DateTime.UnixEpoch, Withdrawn: true, DisarmReason: null);
    }
}
