using System.Globalization;
using Npgsql;

namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>
/// The restart check of an engine's outbox, and the operator's way out of a quarantine.
/// </summary>
/// <remarks>
/// At boot, before the engine's dispatcher starts, <see cref="CheckAsync"/> finds the engine's rows whose broker
/// outcome nobody knows — CLAIMED after a send started, SENT without a broker order id, or AMBIGUOUS — turns the
/// first two into AMBIGUOUS (so every unresolved row has one state) and disarms the engine with a reason that lists
/// them, all in one transaction. The dispatcher claims nothing of an engine with an AMBIGUOUS row, so the engine is
/// quarantined until an operator, having asked the broker, settles each row with <see cref="ResolveAsync"/>.
/// Run it while no dispatcher is sending for the engine: a row CLAIMED by a live dispatcher mid-send would be made
/// AMBIGUOUS too (fail closed: a false quarantine, never a double submit).
/// </remarks>
public sealed class QuarantineCheck
{
    /// <summary>The sentence that ends every quarantine reason: what the operator has to do.</summary>
    internal const string ResolveAdvice =
        "; the engine stays halted and disarmed until an operator checks the order at the broker and resolves it";

    private const string MarkUnresolvedSql = """
        WITH found AS (
            SELECT id, state FROM outbox
            WHERE engine_id = $1
              AND ((state = 'CLAIMED' AND attempts > 0) OR (state = 'SENT' AND broker_order_id IS NULL))
            FOR UPDATE)
        UPDATE outbox AS o
        SET state = 'AMBIGUOUS', updated_at = $2,
            last_error = CASE WHEN o.last_error IS NULL THEN '' ELSE o.last_error || ' | ' END
                || CASE WHEN found.state = 'CLAIMED'
                        THEN 'RESTART_QUARANTINE: found CLAIMED by ' || o.claimed_by || ' after send ' || o.attempts || ' started, with no outcome recorded'
                        ELSE 'RESTART_QUARANTINE: found SENT without a broker order id (the broker''s acknowledgement never arrived)' END
        FROM found
        WHERE o.id = found.id
        RETURNING o.id, found.state
        """;

    private const string AmbiguousSql = """
        SELECT id, client_order_id, last_error FROM outbox WHERE engine_id = $1 AND state = 'AMBIGUOUS' ORDER BY id
        """;

    private const string ResolveSql = """
        UPDATE outbox
        SET state = $2, broker_order_id = COALESCE($3, broker_order_id), updated_at = $4,
            last_error = CASE WHEN last_error IS NULL THEN '' ELSE last_error || ' | ' END || $5
        WHERE client_order_id = $1 AND state = 'AMBIGUOUS'
        RETURNING engine_id
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <summary>Creates the check against the journal database of <paramref name="connectionString"/>.</summary>
    public QuarantineCheck(string connectionString, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connectionString = connectionString;
        _time = timeProvider;
    }

    /// <summary>
    /// Finds the engine's unresolved submits, makes them AMBIGUOUS and, when there are any, disarms the engine with
    /// a reason listing their client order ids (one transaction).
    /// </summary>
    public async Task<QuarantineReport> CheckAsync(string engineId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engineId);
        DateTime now = _time.GetUtcNow().UtcDateTime;
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var shapes = new Dictionary<long, QuarantineShape>();
        await using (var mark = new NpgsqlCommand(MarkUnresolvedSql, connection, transaction))
        {
            mark.Parameters.Add(new NpgsqlParameter<string> { TypedValue = engineId });
            mark.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
            await using NpgsqlDataReader reader = await mark.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                shapes[reader.GetInt64(0)] = reader.GetString(1) == "CLAIMED" ? QuarantineShape.ClaimedAfterSend : QuarantineShape.SentWithoutBrokerOrderId;
            }
        }

        var orders = new List<QuarantinedOrder>();
        await using (var ambiguous = new NpgsqlCommand(AmbiguousSql, connection, transaction))
        {
            ambiguous.Parameters.Add(new NpgsqlParameter<string> { TypedValue = engineId });
            await using NpgsqlDataReader reader = await ambiguous.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                QuarantineShape shape = shapes.TryGetValue(reader.GetInt64(0), out QuarantineShape found) ? found : QuarantineShape.Ambiguous;
                orders.Add(new QuarantinedOrder(reader.GetString(1), shape, reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        string? reason = null;
        if (orders.Count > 0)
        {
            reason = string.Create(
                CultureInfo.InvariantCulture,
                $"QUARANTINED: engine {engineId} has {orders.Count} submit(s) with an unknown broker outcome: {string.Join(", ", orders.Select(Describe))}{ResolveAdvice}");
            await ArmStateDisarm.DisarmAsync(connection, transaction, [(engineId, reason)], now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new QuarantineReport(engineId, orders, reason);
    }

    /// <summary>The engine's AMBIGUOUS client order ids, in outbox order (read only): arming must wait until this is empty.</summary>
    public async Task<IReadOnlyList<string>> UnresolvedAsync(string engineId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engineId);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await UnresolvedAsync(connection, null, engineId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Settles an AMBIGUOUS order as the operator found it at the broker: ACKED with the broker's order id, or FAILED
    /// when the broker never saw it. The engine stays disarmed; arming again is a separate, explicit step.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such order, or it is not AMBIGUOUS (the message says its state).</exception>
    public async Task<OutboxResolutionResult> ResolveAsync(string clientOrderId, OutboxResolution resolution, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        ArgumentNullException.ThrowIfNull(resolution);
        OutboxState target = OutboxStateMachine.Move(OutboxState.Ambiguous, resolution.Target);
        string note = resolution.Kind == OutboxResolutionKind.FoundAtBroker
            ? $"RESOLVED: an operator found it at the broker as {resolution.BrokerOrderId} ({resolution.Note})"
            : $"RESOLVED: an operator found that the broker never received it ({resolution.Note})";

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string? engineId;
        await using (var resolve = new NpgsqlCommand(ResolveSql, connection, transaction))
        {
            resolve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientOrderId });
            resolve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutboxStateMachine.ToText(target) });
            resolve.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = resolution.BrokerOrderId });
            resolve.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = _time.GetUtcNow().UtcDateTime });
            resolve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = note });
            engineId = (string?)await resolve.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        if (engineId is null)
        {
            await using var state = new NpgsqlCommand("SELECT state FROM outbox WHERE client_order_id = $1", connection, transaction);
            state.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientOrderId });
            string? current = (string?)await state.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException(current is null
                ? $"{clientOrderId}: no such order in the outbox"
                : $"{clientOrderId} is {current}, not AMBIGUOUS; only an order whose outcome is unknown can be resolved");
        }

        IReadOnlyList<string> remaining = await UnresolvedAsync(connection, transaction, engineId, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new OutboxResolutionResult(engineId, target, remaining);
    }

    private static async Task<IReadOnlyList<string>> UnresolvedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string engineId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AmbiguousSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = engineId });
        var ids = new List<string>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(1));
        }

        return ids;
    }

    private static string Describe(QuarantinedOrder order) => order.Shape switch
    {
        QuarantineShape.ClaimedAfterSend => $"{order.ClientOrderId} (left CLAIMED after a send started)",
        QuarantineShape.SentWithoutBrokerOrderId => $"{order.ClientOrderId} (left SENT without a broker order id)",
        _ => $"{order.ClientOrderId} (AMBIGUOUS)",
    };
}
