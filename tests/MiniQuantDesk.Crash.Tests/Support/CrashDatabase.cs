using System.Globalization;
using MiniQuantDesk.Brokers.Paper;
using Npgsql;

namespace MiniQuantDesk.Crash.Tests.Support;

/// <summary>
/// The crash tests' view of the one database the children share: the journal (runs, outbox, inbox, broker cursor),
/// the paper broker's schema and the children's submit log. Read-only, except what an operator would do.
/// </summary>
internal sealed class CrashDatabase(string connectionString, string engineId)
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Rows whose submit has an unknown broker outcome: what must quarantine the engine at the next start.</summary>
    public Task<long> UnknownOutcomesAsync() => ScalarAsync(
        "SELECT count(*) FROM outbox WHERE engine_id = $1 AND (state = 'AMBIGUOUS' OR (state = 'CLAIMED' AND attempts > 0) OR (state = 'SENT' AND broker_order_id IS NULL))",
        engineId);

    /// <summary>Committed rows of all kinds: the progress a kill point is measured in.</summary>
    public Task<long> ProgressAsync() => ScalarAsync(
        "SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM inbox) + (SELECT count(*) FROM paper_broker.events)");

    /// <summary>The highest broker event id any run journaled (its broker cursor), 0 before any.</summary>
    public async Task<long> JournalCursorAsync()
    {
        List<string> cursors = await RowsAsync(
            "SELECT c.cursor FROM broker_cursor AS c JOIN runs AS r ON r.run_id = c.run_id WHERE r.engine_id = $1", engineId);
        return cursors.Count == 0 ? 0 : cursors.Max(PaperBrokerIds.CursorFromJournal);
    }

    /// <summary>
    /// True when the newest run can make no more progress on its own: the engine halted, the journal has every broker
    /// event, and nothing is claimed or (unless the engine is quarantined) waiting to be sent.
    /// </summary>
    public async Task<bool> QuiescentAsync()
    {
        long halted = await ScalarAsync(
            """
            SELECT count(*) FROM runs
            WHERE engine_id = $1 AND state = 'HALTED' AND run_number = (SELECT max(run_number) FROM runs WHERE engine_id = $1)
            """,
            engineId);
        if (halted == 0)
        {
            return false;
        }

        long unsettled = await ScalarAsync(
            """
            SELECT count(*) FROM outbox
            WHERE engine_id = $1
              AND (state = 'CLAIMED'
                   OR (state = 'PENDING' AND NOT EXISTS (SELECT 1 FROM outbox WHERE engine_id = $1 AND state = 'AMBIGUOUS')))
            """,
            engineId);
        long brokerLast = await ScalarAsync("SELECT COALESCE(max(id), 0) FROM paper_broker.events");
        return unsettled == 0 && await JournalCursorAsync() >= brokerLast;
    }

    /// <summary>The server sessions still open under <paramref name="applicationName"/> (a killed child's, finishing).</summary>
    public Task<long> SessionsOfAsync(string applicationName) => ScalarAsync(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", applicationName);

    /// <summary>Client order ids the submit log saw more than once, with their counts.</summary>
    public Task<List<string>> SubmittedMoreThanOnceAsync() => RowsAsync(
        "SELECT client_order_id || ' x' || count(*) FROM crash_child.submits GROUP BY client_order_id HAVING count(*) > 1 ORDER BY 1");

    /// <summary>Outbox rows whose send was started more than once.</summary>
    public Task<List<string>> AttemptedMoreThanOnceAsync() => RowsAsync(
        "SELECT client_order_id || ' attempts ' || attempts FROM outbox WHERE attempts > 1 ORDER BY id");

    /// <summary>Broker orders that no committed outbox row, or no logged submit, accounts for.</summary>
    public Task<List<string>> BrokerOrdersWithoutASourceAsync() => RowsAsync(
        """
        SELECT b.client_order_id FROM paper_broker.orders AS b
        WHERE NOT EXISTS (SELECT 1 FROM outbox AS o WHERE o.client_order_id = b.client_order_id)
           OR NOT EXISTS (SELECT 1 FROM crash_child.submits AS s WHERE s.client_order_id = b.client_order_id)
        ORDER BY 1
        """);

    /// <summary>Broker fills or messages the inbox holds more than once, across all runs.</summary>
    public Task<List<string>> JournaledMoreThanOnceAsync() => RowsAsync(
        """
        SELECT 'fill ' || broker_fill_id || ' x' || count(*) FROM inbox WHERE broker_fill_id IS NOT NULL GROUP BY broker_fill_id HAVING count(*) > 1
        UNION ALL
        SELECT 'message ' || broker_message_id || ' x' || count(*) FROM inbox GROUP BY broker_message_id HAVING count(*) > 1
        ORDER BY 1
        """);

    /// <summary>The inbox's fills of broker events up to <paramref name="lastEventId"/>, as "F{n} order qty@price", by fill.</summary>
    public Task<List<string>> JournalFillsAsync(long lastEventId) => RowsAsync(
        """
        SELECT broker_fill_id || ' ' || client_order_id || ' ' || fill_quantity || '@' || fill_price_micros FROM inbox
        WHERE kind = 'FILL' AND substring(broker_message_id FROM 2)::bigint <= $1
        ORDER BY substring(broker_fill_id FROM 2)::bigint, id
        """,
        lastEventId);

    /// <summary>The journal's positions ("SYMBOL shares", non-zero only) from the inbox's fills up to <paramref name="lastEventId"/>,
    /// signed by the side of the outbox order each fill belongs to.</summary>
    public Task<List<string>> JournalPositionsAsync(long lastEventId) => RowsAsync(
        """
        SELECT o.symbol || ' ' || sum(CASE o.side WHEN 'BUY' THEN i.fill_quantity ELSE -i.fill_quantity END) FROM inbox AS i
        JOIN outbox AS o ON o.client_order_id = i.client_order_id
        WHERE i.kind = 'FILL' AND substring(i.broker_message_id FROM 2)::bigint <= $1
        GROUP BY o.symbol
        HAVING sum(CASE o.side WHEN 'BUY' THEN i.fill_quantity ELSE -i.fill_quantity END) <> 0
        ORDER BY o.symbol
        """,
        lastEventId);

    /// <summary>Inbox fills whose order the outbox does not hold (they could not be signed into a position).</summary>
    public Task<List<string>> FillsOfUnknownOrdersAsync() => RowsAsync(
        "SELECT broker_fill_id || ' ' || coalesce(client_order_id, '-') FROM inbox AS i WHERE kind = 'FILL' AND NOT EXISTS (SELECT 1 FROM outbox AS o WHERE o.client_order_id = i.client_order_id)");

    /// <summary>
    /// The portfolio snapshot the child of the engine's newest run wrote once it had restored and caught up, as
    /// "SYMBOL shares" lines (non-zero only, by symbol), its cash in micros and the broker event it was taken at; null
    /// when that run wrote none.
    /// </summary>
    public async Task<EngineSnapshot?> NewestSnapshotAsync()
    {
        long exists = await ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'crash_child' AND tablename = 'portfolio_snapshots'");
        if (exists == 0)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT s.run, s.symbol, s.position, s.cash_micros, s.taken_at_event FROM crash_child.portfolio_snapshots AS s
            WHERE s.run = (SELECT max(run_number) FROM runs WHERE engine_id = $1)
            ORDER BY s.symbol
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = engineId });
        var positions = new List<string>();
        var cash = new HashSet<long>();
        var events = new HashSet<long>();
        long run = 0;
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            run = reader.GetInt64(0);
            long position = reader.GetInt64(2);
            if (position != 0)
            {
                positions.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(1)} {position}"));
            }

            cash.Add(reader.GetInt64(3));
            events.Add(reader.GetInt64(4));
        }

        if (cash.Count == 0)
        {
            return null;
        }

        if (cash.Count != 1 || events.Count != 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"run {run}'s snapshot rows disagree on cash [{string.Join(", ", cash)}] or event [{string.Join(", ", events)}]: one snapshot has one of each"));
        }

        return new EngineSnapshot(run, positions, cash.Single(), events.Single());
    }

    /// <summary>The engine's HALTED runs as "run N: reason".</summary>
    public Task<List<string>> HaltedRunsAsync() => RowsAsync(
        "SELECT run_number || ': ' || coalesce(halt_reason, '(no reason)') FROM runs WHERE engine_id = $1 AND state = 'HALTED' ORDER BY run_number",
        engineId);

    /// <summary>A one-line census of the outbox and runs, for failure messages.</summary>
    public async Task<string> DescribeAsync()
    {
        List<string> outbox = await RowsAsync("SELECT state || ' ' || count(*) FROM outbox GROUP BY state ORDER BY state");
        List<string> runs = await RowsAsync("SELECT run_number || ' ' || state || coalesce(' (' || halt_reason || ')', '') FROM runs ORDER BY run_number DESC LIMIT 3");
        return $"outbox [{string.Join(", ", outbox)}]; newest runs [{string.Join("; ", runs)}]; journal cursor {await JournalCursorAsync()}";
    }

    public async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (object value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> RowsAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (object value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<string>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.IsDBNull(0) ? "null" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
