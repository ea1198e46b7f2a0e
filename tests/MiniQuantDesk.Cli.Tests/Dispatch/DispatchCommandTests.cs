using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Cli.Tests.Run;
using MiniQuantDesk.Cli.Tests.Support;
using MiniQuantDesk.Journal.Postgres;
using Npgsql;

namespace MiniQuantDesk.Cli.Tests.Dispatch;

/// <summary><c>mqd dispatch</c> in-process against a real database named by MQK_DATABASE_URL.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DispatchCommandTests : IClassFixture<RunDatabase>, IDisposable
{
    private readonly string? _previousUrl = Environment.GetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable);
    private readonly string _url;

    public DispatchCommandTests(RunDatabase database)
    {
        _url = database.Url;
        Environment.SetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable, database.Url);
    }

    [Fact]
    public async Task Dispatch_with_the_paper_broker_submits_the_pending_orders_once_and_prints_each_answer()
    {
        Mqd.Run("db", "migrate").AssertSucceeded();
        string connectionString = DatabaseUrl.ToConnectionString(_url);
        await InsertPendingAsync(connectionString);
        await using (PaperBroker broker = await PaperBroker.OpenAsync(connectionString))
        {
            await broker.SetPriceAsync("SPY", 500_000_000, 1);
        }

        MqdRun first = Mqd.Run("dispatch", "--broker", "paper", "--once", "--name", "cli-1");
        MqdRun second = Mqd.Run("dispatch", "--broker", "paper", "--once", "--name", "cli-2");

        first.AssertSucceeded();
        first.Has(
            "broker: paper (schema paper_broker, starting cash 100000",
            "E1-R7-S000000001-I0 BUY 3 SPY market (attempt 1) -> ACCEPTED as P1",
            "E1-R7-S000000002-I0 SELL 3 SPY limit 600 (attempt 1) -> ACCEPTED as P2",
            "E1-R7-S000000003-I0 BUY 3 QQQ market (attempt 1) -> REJECTED: NO_PRICE",
            "cli-1: claimed 3, acked 2, sent 0, failed 1, ambiguous 0");
        second.AssertSucceeded();
        second.Has("cli-2: claimed 0, acked 0");
        await using PaperBroker truth = await PaperBroker.OpenAsync(connectionString);
        Assert.Equal(3, (await truth.ReadTruthAsync()).PositionOf("SPY"));
        Assert.Equal(3, (await truth.GetOrdersAsync()).Count);

        Mqd.Run("dispatch", "--broker", "paper", "--once", "--paper-cash", "5").AssertRefused("PAPER_CASH_MISMATCH");
        Mqd.Run("dispatch", "--paper-cash", "5").AssertUsageError("--paper-cash applies only to --broker paper");
        Mqd.Run("dispatch", "--broker", "paper", "--paper-cash", "lots").AssertUsageError("--paper-cash 'lots' is not an amount");
        Mqd.Run("dispatch", "--once").AssertRefused("'mqd dispatch --broker none' refuses to start");
    }

    public void Dispose() => Environment.SetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable, _previousUrl);

    private static async Task InsertPendingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    "INSERT INTO runs (run_id, engine_id, mode, state, created_at, run_number) OVERRIDING SYSTEM VALUE " +
                    "VALUES ('0c8a5cb4-4c1e-4a43-9d51-2b6f3c3b7a01', '1', 'PAPER', 'RUNNING', now(), 7)"),
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO outbox (run_id, client_order_id, engine_id, seq, symbol, side, quantity, payload, state, created_at, updated_at)
                    VALUES
                      ('0c8a5cb4-4c1e-4a43-9d51-2b6f3c3b7a01', 'E1-R7-S000000001-I0', '1', 1, 'SPY', 'BUY', 3, '{"kind":"SUBMIT","limit_price_micros":0,"event_time_ns":1000}', 'PENDING', now(), now()),
                      ('0c8a5cb4-4c1e-4a43-9d51-2b6f3c3b7a01', 'E1-R7-S000000002-I0', '1', 2, 'SPY', 'SELL', 3, '{"kind":"SUBMIT","limit_price_micros":600000000,"event_time_ns":2000}', 'PENDING', now(), now()),
                      ('0c8a5cb4-4c1e-4a43-9d51-2b6f3c3b7a01', 'E1-R7-S000000003-I0', '1', 3, 'QQQ', 'BUY', 3, '{"kind":"SUBMIT","limit_price_micros":0,"event_time_ns":3000}', 'PENDING', now(), now())
                    """),
            },
        };
        await batch.ExecuteNonQueryAsync();
    }
}
