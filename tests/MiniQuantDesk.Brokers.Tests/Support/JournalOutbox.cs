using Npgsql;

namespace MiniQuantDesk.Brokers.Tests.Support;

/// <summary>Writes PENDING outbox rows into a migrated journal database, as the journal would.</summary>
internal static class JournalOutbox
{
    /// <summary>A running run of engine 1 (run number 7, so its client order ids are <see cref="Orders.Id"/>) and
    /// <paramref name="rows"/> PENDING market orders for sequences 1..rows (SPY, buys on odd, sells on even sequences,
    /// quantity = sequence % 5 + 1). Returns the client order ids.</summary>
    public static async Task<IReadOnlyList<string>> InsertPendingAsync(string connectionString, int rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var run = new NpgsqlCommand(
            "INSERT INTO runs (run_id, engine_id, mode, state, created_at, run_number) OVERRIDING SYSTEM VALUE VALUES ($1, '1', 'PAPER', 'RUNNING', now(), 7)",
            connection))
        {
            run.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Orders.RunId });
            await run.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO outbox (run_id, client_order_id, engine_id, seq, symbol, side, quantity, payload, state, created_at, updated_at)
            SELECT $1, 'E1-R7-S' || lpad(s::text, 9, '0') || '-I0', '1', s, 'SPY',
                   CASE WHEN s % 2 = 0 THEN 'SELL' ELSE 'BUY' END, s % 5 + 1,
                   jsonb_build_object('kind', 'SUBMIT', 'limit_price_micros', 0, 'event_time_ns', s * 1000),
                   'PENDING', now(), now()
            FROM generate_series(1, $2) AS s
            ORDER BY s
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Orders.RunId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rows });
        await command.ExecuteNonQueryAsync();
        return [.. Enumerable.Range(1, rows).Select(seq => Orders.Id(seq))];
    }
}
