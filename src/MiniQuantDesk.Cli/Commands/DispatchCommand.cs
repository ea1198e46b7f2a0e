using System.CommandLine;
using System.Globalization;
using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using Npgsql;

namespace MiniQuantDesk.Cli.Commands;

/// <summary>
/// <c>mqd dispatch</c>: a standalone outbox dispatcher. Several can run against one database (each with its own
/// <c>--name</c>); none submits a row twice. <c>--broker paper</c> submits to the paper broker, whose state lives in
/// the same database (schema <c>paper_broker</c>); <c>--broker none</c>, the default, refuses to start (fail closed),
/// so that nothing is submitted anywhere by accident.
/// </summary>
internal static class DispatchCommand
{
    /// <summary>No broker: refuses to start.</summary>
    public const string NoBroker = "none";

    /// <summary>The paper broker in the same database.</summary>
    public const string PaperBrokerName = "paper";

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Claim and dispatch one batch, print what happened, and exit" };
        var batch = new Option<int>("--batch") { Description = "Rows per claim, 1 to 10000", DefaultValueFactory = _ => 256, HelpName = "N" };
        var lease = new Option<int>("--lease") { Description = "Seconds a claim stays valid; an older claim is reclaimed if no send started, made AMBIGUOUS if one did. Must exceed the broker's submit timeout times --batch", DefaultValueFactory = _ => 30, HelpName = "SECONDS" };
        var name = new Option<string?>("--name") { Description = "This dispatcher's claimer name (claimed_by); every dispatcher on one database needs its own (default HOST-PID)", HelpName = "NAME" };
        var broker = new Option<string>("--broker") { Description = "The broker adapter to submit with: 'paper' (the paper broker, its state in schema paper_broker of the same database) or 'none' (refuses to start, so nothing is submitted by accident)", DefaultValueFactory = _ => NoBroker, HelpName = "ADAPTER" };
        broker.AcceptOnlyFromAmong(NoBroker, PaperBrokerName);
        var paperCash = new Option<string?>("--paper-cash") { Description = "With --broker paper: the paper account's starting cash (decimal, e.g. 100000 or 25000.50), stored when the account is created; a different amount than the stored one is refused. Default: the stored amount, or 100000 for a new account", HelpName = "N" };

        var paperPrice = new Option<string[]>("--paper-price")
        {
            Description = "With --broker paper: set the paper broker's last price of a symbol before dispatching (repeatable, e.g. --paper-price SPY=512.25); a resting limit the new price crosses fills. Without a price, the paper broker rejects a symbol's orders with NO_PRICE",
            HelpName = "SYMBOL=PRICE",
        };
        var command = new Command(
            "dispatch",
            "Submit committed outbox orders to the broker (outbox-first): claim PENDING rows with FOR UPDATE SKIP LOCKED, " +
            "record each send before it leaves, then ACKED / SENT / FAILED, or AMBIGUOUS (the engine is disarmed). Runs until " +
            "Ctrl+C unless --once; exit 0 when stopped, 1 on a refusal or a database failure, 2 on a usage error. " +
            $"Works against {DatabaseLocator.DatabaseUrlVariable} when it is set, else the embedded PostgreSQL in ./{DbCommand.EmbeddedDataDirectory.Replace('\\', '/')}.")
        {
            once,
            batch,
            lease,
            name,
            broker,
            paperCash,
            paperPrice,
        };
        command.SetAction(result =>
        {
            int batchSize = result.GetValue(batch);
            int leaseSeconds = result.GetValue(lease);
            if (batchSize is < 1 or > 10_000 || leaseSeconds < 1)
            {
                CommandFailure.WriteError(string.Create(CultureInfo.InvariantCulture, $"--batch must be 1 to 10000 (got {batchSize}) and --lease at least 1 second (got {leaseSeconds})"));
                return CommandFailure.Usage;
            }

            var options = new OutboxDispatcherOptions
            {
                Name = result.GetValue(name) ?? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}"),
                BatchSize = batchSize,
                Lease = TimeSpan.FromSeconds(leaseSeconds),
            };
            string brokerName = result.GetValue(broker)!;
            string? cashText = result.GetValue(paperCash);
            Money? initialCash = null;
            if (cashText is not null)
            {
                if (brokerName != PaperBrokerName)
                {
                    CommandFailure.WriteError("--paper-cash applies only to --broker paper");
                    return CommandFailure.Usage;
                }

                if (DecimalText.TryParseMicros(cashText, out long micros, out bool rounded) != NumericError.None || rounded || micros < 0)
                {
                    CommandFailure.WriteError($"--paper-cash '{cashText}' is not an amount: use a decimal of 0 or more with at most six decimals, e.g. 100000 or 25000.50");
                    return CommandFailure.Usage;
                }

                initialCash = new Money(micros);
            }

            string[] priceTexts = result.GetValue(paperPrice) ?? [];
            var prices = new List<(string Symbol, long Micros)>();
            foreach (string priceText in priceTexts)
            {
                if (brokerName != PaperBrokerName)
                {
                    CommandFailure.WriteError("--paper-price applies only to --broker paper");
                    return CommandFailure.Usage;
                }

                if (!TryParsePrice(priceText, out string symbol, out long priceMicros))
                {
                    CommandFailure.WriteError($"--paper-price '{priceText}' is not SYMBOL=PRICE with a positive decimal price of at most six decimals, e.g. SPY=512.25");
                    return CommandFailure.Usage;
                }

                prices.Add((symbol, priceMicros));
            }

            if (brokerName == NoBroker)
            {
                CommandFailure.WriteError(
                    "no broker adapter chosen: 'mqd dispatch --broker none' refuses to start so that nothing is submitted " +
                    "anywhere by accident. Outbox rows stay PENDING until a dispatcher with a broker adapter (--broker paper) claims them.");
                return CommandFailure.Failed;
            }

            return Dispatch(options, new PaperBrokerOptions { InitialCash = initialCash }, prices, result.GetValue(once));
        });
        return command;
    }

    private static bool TryParsePrice(string text, out string symbol, out long priceMicros)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        symbol = equals > 0 ? text[..equals].Trim() : string.Empty;
        priceMicros = 0;
        return symbol.Length > 0
            && DecimalText.TryParseMicros(text.AsSpan(equals + 1), out priceMicros, out bool rounded) == NumericError.None
            && !rounded
            && priceMicros > 0;
    }

    private static int Dispatch(OutboxDispatcherOptions options, PaperBrokerOptions paperOptions, IReadOnlyList<(string Symbol, long Micros)> prices, bool once)
    {
        try
        {
            var embedded = new EmbeddedPostgresOptions { DataDirectory = Path.GetFullPath(DbCommand.EmbeddedDataDirectory) };
            using LocatedDatabase database = DatabaseLocator.LocateAsync(embedded).GetAwaiter().GetResult();
            Console.WriteLine($"database: {database.Description}");
            if (!new MigrationRunner(database.ConnectionString).Status().UpToDate)
            {
                CommandFailure.WriteError("the database schema is not up to date; run 'mqd db migrate' first");
                return CommandFailure.Failed;
            }

            PaperBroker paper = PaperBroker.OpenAsync(database.ConnectionString, paperOptions).GetAwaiter().GetResult();
            Console.WriteLine($"broker: paper (schema {PaperBrokerSchema.SchemaName}, starting cash {DecimalText.FormatMicros(paper.InitialCash.Micros)})");
            foreach ((string symbol, long micros) in prices)
            {
                // A price set by hand takes the wall clock's time: this is the edge, where the operator stands.
                long nowNs = (TimeProvider.System.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
                int filled = paper.SetPriceAsync(symbol, micros, nowNs).GetAwaiter().GetResult();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"price: {symbol} {DecimalText.FormatMicros(micros)} (filled {filled} resting order(s))"));
            }

            var submitter = new ReportingSubmitter(paper, Console.Out);
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, args) =>
            {
                args.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var dispatcher = new OutboxDispatcher(
                    database.ConnectionString,
                    submitter,
                    options,
                    TimeProvider.System,
                    quarantine => Console.Error.WriteLine($"QUARANTINE engine {quarantine.EngineId}: {quarantine.Reason}"));
                try
                {
                    if (once)
                    {
                        DispatchBatchResult result = dispatcher.DispatchOnceAsync(stop.Token).GetAwaiter().GetResult();
                        Console.WriteLine(string.Create(
                            CultureInfo.InvariantCulture,
                            $"{options.Name}: claimed {result.Claimed}, acked {result.Acked}, sent {result.Sent}, failed {result.Failed}, ambiguous {result.Ambiguous}, held {result.Held}, lost claims {result.LostClaims}; stale claims reclaimed {result.Sweep.Reclaimed}, made ambiguous {result.Sweep.MadeAmbiguous}"));
                        return 0;
                    }

                    Console.WriteLine($"{options.Name}: dispatching until Ctrl+C");
                    dispatcher.RunAsync(stop.Token).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    Console.WriteLine($"{options.Name}: stopped");
                }
                finally
                {
                    dispatcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }

                return 0;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
                paper.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception exception) when (exception is PostgresBinariesNotFoundException or EmbeddedPostgresException or FormatException or NpgsqlException or MigrationRefusedException or PaperBrokerRefusedException)
        {
            CommandFailure.WriteError(exception.Message);
            return CommandFailure.Failed;
        }
    }
}
