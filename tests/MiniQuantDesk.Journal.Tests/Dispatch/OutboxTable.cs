using System.Globalization;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>
/// Writes outbox rows the way the journal does (PENDING, engine id text, a client order id like
/// <c>E1-R7-S000000123-I0</c>, the payload's kind, limit price and event time) and reads them back.
/// </summary>
public sealed class OutboxTable(string connectionString)
{
    private static readonly DateTime s_createdAt = new(2026, 11, 30, 14, 0, 0, DateTimeKind.Utc);

    public string ConnectionString => connectionString;

    /// <summary>A new run and its run number.</summary>
    public async Task<(Guid RunId, long RunNumber)> CreateRunAsync(string engineId = "1")
    {
        var runId = Guid.NewGuid();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES ($1, $2, 'PAPER', 'RUNNING', $3) RETURNING run_number",
            connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = runId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = engineId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = s_createdAt });
        long runNumber = (long)(await command.ExecuteScalarAsync())!;
        return (runId, runNumber);
    }

    public static string ClientOrderId(string engineId, long runNumber, long seq) =>
        string.Create(CultureInfo.InvariantCulture, $"E{engineId}-R{runNumber}-S{seq:D9}-I0");

    /// <summary>Inserts PENDING rows for sequences <paramref name="firstSeq"/> onwards (one transaction); returns their client order ids.</summary>
    public async Task<IReadOnlyList<string>> InsertPendingAsync(int count, string engineId = "1", long firstSeq = 1, string payload = "")
    {
        (Guid runId, long runNumber) = await CreateRunAsync(engineId);
        await using var connection = await OpenAsync();
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync();
        IReadOnlyList<string> ids = await InsertPendingAsync(connection, transaction, runId, runNumber, count, engineId, firstSeq, payload);
        await transaction.CommitAsync();
        return ids;
    }

    /// <summary>Inserts PENDING rows inside the caller's transaction.</summary>
    public static async Task<IReadOnlyList<string>> InsertPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid runId, long runNumber, int count, string engineId, long firstSeq, string payload = "")
    {
        var ids = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            ids.Add(ClientOrderId(engineId, runNumber, firstSeq + i));
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO outbox (run_id, client_order_id, engine_id, seq, symbol, side, quantity, payload, state, created_at, updated_at)
            SELECT $1, u.coid, $2, u.seq, 'SPY', CASE WHEN u.seq % 2 = 0 THEN 'SELL' ELSE 'BUY' END, 100,
                   CASE WHEN $5 = '' THEN jsonb_build_object('kind', 'SUBMIT', 'limit_price_micros', 0, 'event_time_ns', u.seq * 1000)
                        ELSE $5::jsonb END,
                   'PENDING', $4, $4
            FROM unnest($3::text[]) WITH ORDINALITY AS u0(coid, n)
            CROSS JOIN LATERAL (SELECT u0.coid, $6 + u0.n - 1 AS seq) AS u
            ORDER BY u0.n
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = runId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = engineId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ids] });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = s_createdAt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = firstSeq });
        await command.ExecuteNonQueryAsync();
        return ids;
    }

    public async Task<OutboxRow> RowAsync(string clientOrderId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT state, claimed_by, attempts, broker_order_id, last_error, sent_at FROM outbox WHERE client_order_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientOrderId });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{clientOrderId} is not in the outbox");
        return new OutboxRow(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            !reader.IsDBNull(5));
    }

    public async Task<(bool Armed, string? Reason)?> ArmStateAsync(string engineId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT armed, reason FROM arm_state WHERE engine_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = engineId });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
