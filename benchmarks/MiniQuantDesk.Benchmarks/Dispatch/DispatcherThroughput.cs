using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using Npgsql;

namespace MiniQuantDesk.Benchmarks.Dispatch;

/// <summary>
/// Outbox orders per second through one dispatcher against a real PostgreSQL (an embedded, durable cluster of the
/// benchmark's own, started in GlobalSetup): claimed, marked as sending, submitted to an in-process broker that
/// accepts at once, and recorded ACKED. One operation is one order. Target: at least 10,000 orders/s.
/// <code>
/// setup (not timed): 20,000 PENDING rows ─▶ outbox
/// timed:             dispatcher ─claim N (SKIP LOCKED)─▶ mark N sending (commit) ─▶ broker × N ─▶ record N ACKED (one UPDATE … FROM unnest)
///                    … until nothing is left to claim
/// </code>
/// Per batch: three round trips and two commits, whatever N is.
/// <para>The regression check compares it with <see cref="RawBatchedUpdates"/> of the same run: the database floor of
/// a batched dispatcher (per batch of N, two updates of N rows, each committed, on a table with nothing but a key), so
/// the ratio does not move with the machine.</para>
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes nothing; GlobalCleanup stops the server.")]
[MemoryDiagnoser]
public class DispatcherThroughput
{
    private const int Orders = 20_000;

    private readonly InstantAcceptBroker _broker = new();
    private EmbeddedPostgres? _server;
    private string? _database;
    private Guid _runId;

    /// <summary>Rows per claim.</summary>
    private const int BatchSize = 1024;

    /// <summary>Starts the server, creates and migrates the database, and creates the run the orders belong to.</summary>
    [GlobalSetup]
    public void StartServer()
    {
        _server = EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions()).GetAwaiter().GetResult();
        _database = _server.CreateDatabaseAsync("dispatcher_bench").GetAwaiter().GetResult();
        new MigrationRunner(_database).Migrate();
        _runId = Guid.NewGuid();
        Execute("INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES ($1, '1', 'PAPER', 'RUNNING', now())", _runId);
        Execute($"CREATE TABLE raw_orders (id bigint PRIMARY KEY, state text NOT NULL); INSERT INTO raw_orders SELECT n, 'PENDING' FROM generate_series(1, {Orders}) AS n");
    }

    /// <summary>The database floor: for each batch of <see cref="BatchSize"/> rows, one committed update to "sending"
    /// and one to "acked", on a table with nothing but a primary key.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Orders)]
    public long RawBatchedUpdates()
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var update = new NpgsqlCommand("UPDATE raw_orders SET state = $1 WHERE id BETWEEN $2 AND $3", connection);
        var state = new NpgsqlParameter<string> { TypedValue = string.Empty };
        var from = new NpgsqlParameter<long> { TypedValue = 0 };
        var to = new NpgsqlParameter<long> { TypedValue = 0 };
        update.Parameters.Add(state);
        update.Parameters.Add(from);
        update.Parameters.Add(to);
        long updated = 0;
        for (long first = 1; first <= Orders; first += BatchSize)
        {
            from.TypedValue = first;
            to.TypedValue = Math.Min(first + BatchSize - 1, Orders);
            foreach (string next in (string[])["SENDING", "ACKED"])
            {
                using NpgsqlTransaction transaction = connection.BeginTransaction();
                update.Transaction = transaction;
                state.TypedValue = next;
                updated += update.ExecuteNonQuery();
                transaction.Commit();
            }
        }

        return updated;
    }

    /// <summary>A fresh outbox of PENDING orders for each iteration (not timed).</summary>
    [IterationSetup(Target = nameof(Dispatch))]
    public void FillOutbox()
    {
        _broker.Clear();
        Execute("TRUNCATE outbox CASCADE");
        Execute(
            """
            INSERT INTO outbox (run_id, client_order_id, engine_id, seq, symbol, side, quantity, payload, state, created_at, updated_at)
            SELECT $1, 'E1-R1-S' || lpad(n::text, 9, '0') || '-I0', '1', n, 'SPY', CASE WHEN n % 2 = 0 THEN 'SELL' ELSE 'BUY' END, 100,
                   jsonb_build_object('kind', 'SUBMIT', 'limit_price_micros', 0, 'event_time_ns', n), 'PENDING', now(), now()
            FROM generate_series(1, 20000) AS n
            """,
            _runId);
        Execute("VACUUM ANALYZE outbox");
    }

    /// <summary>Dispatches every row of the outbox.</summary>
    [Benchmark(OperationsPerInvoke = Orders)]
    public int Dispatch()
    {
        var options = new OutboxDispatcherOptions { Name = "bench", BatchSize = BatchSize };
        var dispatcher = new OutboxDispatcher(_database!, _broker, options, TimeProvider.System);
        try
        {
            int acked = 0;
            DispatchBatchResult result;
            do
            {
                result = dispatcher.DispatchOnceAsync().GetAwaiter().GetResult();
                acked += result.Acked;
            }
            while (result.Claimed > 0);
            return acked;
        }
        finally
        {
            dispatcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Throws unless every order was submitted exactly once and recorded ACKED (not timed).</summary>
    [IterationCleanup(Target = nameof(Dispatch))]
    public void VerifyEveryOrderAcked()
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE state = 'ACKED' AND attempts = 1", connection);
        long acked = (long)command.ExecuteScalar()!;
        if (acked != Orders || _broker.Submits != Orders || _broker.Orders != Orders)
        {
            throw new InvalidOperationException($"expected {Orders} orders submitted once and ACKED; the outbox has {acked} ACKED, the broker saw {_broker.Submits} submits of {_broker.Orders} orders");
        }
    }

    /// <summary>Stops the server and deletes its data folder.</summary>
    [GlobalCleanup]
    public void StopServer() => _server?.Dispose();

    private void Execute(string sql, Guid? runId = null)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        if (runId is { } id)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        }

        command.ExecuteNonQuery();
    }
}
