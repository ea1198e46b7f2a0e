using System.CommandLine;
using System.Globalization;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using Npgsql;

namespace MiniQuantDesk.Cli.Commands;

/// <summary>
/// <c>mqd dispatch</c>: a standalone outbox dispatcher. Several can run against one database (each with its own
/// <c>--name</c>); none submits a row twice. This build has no broker adapter, so the only broker, <c>none</c>,
/// refuses to start (fail closed): the command's options, help and exit codes exist for when one arrives.
/// </summary>
internal static class DispatchCommand
{
    /// <summary>The only broker this build knows: it refuses to start.</summary>
    public const string NoBroker = "none";

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Claim and dispatch one batch, print what happened, and exit" };
        var batch = new Option<int>("--batch") { Description = "Rows per claim, 1 to 10000", DefaultValueFactory = _ => 256, HelpName = "N" };
        var lease = new Option<int>("--lease") { Description = "Seconds a claim stays valid; an older claim is reclaimed if no send started, made AMBIGUOUS if one did. Must exceed the broker's submit timeout times --batch", DefaultValueFactory = _ => 30, HelpName = "SECONDS" };
        var name = new Option<string?>("--name") { Description = "This dispatcher's claimer name (claimed_by); every dispatcher on one database needs its own (default HOST-PID)", HelpName = "NAME" };
        var broker = new Option<string>("--broker") { Description = "The broker adapter to submit with. Only 'none' exists yet, and it refuses to start: no broker adapter is built in", DefaultValueFactory = _ => NoBroker, HelpName = "ADAPTER" };
        broker.AcceptOnlyFromAmong(NoBroker);

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
            IOrderSubmitter? submitter = CreateSubmitter(result.GetValue(broker)!);
            if (submitter is null)
            {
                CommandFailure.WriteError(
                    "no broker adapter exists yet: 'mqd dispatch --broker none' refuses to start so that nothing is submitted " +
                    "anywhere by accident. Outbox rows stay PENDING until a dispatcher with a real broker adapter claims them.");
                return CommandFailure.Failed;
            }

            return Dispatch(options, submitter, result.GetValue(once));
        });
        return command;
    }

    /// <summary>The adapter named by --broker, or null for 'none' (the only one so far).</summary>
    private static IOrderSubmitter? CreateSubmitter(string broker) => broker switch
    {
        NoBroker => null,
        _ => throw new ArgumentException($"unknown broker adapter '{broker}'; known: {NoBroker}", nameof(broker)),
    };

    private static int Dispatch(OutboxDispatcherOptions options, IOrderSubmitter submitter, bool once)
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
            }
        }
        catch (Exception exception) when (exception is PostgresBinariesNotFoundException or EmbeddedPostgresException or FormatException or NpgsqlException)
        {
            CommandFailure.WriteError(exception.Message);
            return CommandFailure.Failed;
        }
    }
}
