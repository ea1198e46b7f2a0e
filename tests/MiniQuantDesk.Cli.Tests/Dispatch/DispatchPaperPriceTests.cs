using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Cli.Tests.Run;
using MiniQuantDesk.Cli.Tests.Support;
using MiniQuantDesk.Journal.Postgres;
using Npgsql;

namespace MiniQuantDesk.Cli.Tests.Dispatch;

/// <summary><c>mqd dispatch --paper-price</c>: prices set from the command line, in a database of the class's own
/// (the paper broker numbers its orders per database).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DispatchPaperPriceTests : IClassFixture<RunDatabase>, IDisposable
{
    private readonly string? _previousUrl = Environment.GetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable);
    private readonly string _url;

    public DispatchPaperPriceTests(RunDatabase database)
    {
        _url = database.Url;
        Environment.SetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable, database.Url);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable, _previousUrl);

    [Fact]
    public async Task A_price_given_on_the_command_line_fills_the_resting_limit_it_crosses()
    {
        Mqd.Run("db", "migrate").AssertSucceeded();
        string connectionString = DatabaseUrl.ToConnectionString(_url);
        await using (PaperBroker broker = await PaperBroker.OpenAsync(connectionString))
        {
            await broker.SetPriceAsync("IWM", 200_000_000, 1);
        }

        await InsertAsync(connectionString, "E2-R8-S000000001-I0", "IWM", "SELL", 210_000_000);
        Mqd.Run("dispatch", "--broker", "paper", "--once", "--name", "cli-price-1").AssertSucceeded();

        MqdRun priced = Mqd.Run("dispatch", "--broker", "paper", "--once", "--paper-price", "IWM=211.5", "--paper-price", "DIA=400", "--name", "cli-price-2");

        priced.AssertSucceeded();
        priced.Has("price: IWM 211.5 (filled 1 resting order(s))", "price: DIA 400 (filled 0 resting order(s))");
        await using PaperBroker truth = await PaperBroker.OpenAsync(connectionString);
        Assert.Equal(-3, (await truth.ReadTruthAsync()).PositionOf("IWM"));
        Mqd.Run("dispatch", "--broker", "paper", "--paper-price", "IWM").AssertUsageError("--paper-price 'IWM' is not SYMBOL=PRICE");
        Mqd.Run("dispatch", "--broker", "paper", "--paper-price", "IWM=0").AssertUsageError("--paper-price 'IWM=0' is not SYMBOL=PRICE");
        Mqd.Run("dispatch", "--paper-price", "IWM=5").AssertUsageError("--paper-price applies only to --broker paper");
    }

    private static async Task InsertAsync(string connectionString, string clientOrderId, string symbol, string side, long limitMicros)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    "INSERT INTO runs (run_id, engine_id, mode, state, created_at, run_number) OVERRIDING SYSTEM VALUE " +
                    "VALUES ('5d6c0b1e-7f0a-4c1e-9a3b-1e2f3a4b5c02', '2', 'PAPER', 'RUNNING', now(), 8)"),
                new NpgsqlBatchCommand(
                    "INSERT INTO outbox (run_id, client_order_id, engine_id, seq, symbol, side, quantity, payload, state, created_at, updated_at) " +
                    $"VALUES ('5d6c0b1e-7f0a-4c1e-9a3b-1e2f3a4b5c02', '{clientOrderId}', '2', 1, '{symbol}', '{side}', 3, " +
                    $"'{{\"kind\":\"SUBMIT\",\"limit_price_micros\":{limitMicros},\"event_time_ns\":1000}}', 'PENDING', now(), now())"),
            },
        };
        await batch.ExecuteNonQueryAsync();
    }
}
