using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using MiniQuantDesk.Journal.Runs;
using Npgsql;

namespace MiniQuantDesk.Cli.Commands;

/// <summary>
/// <c>mqd run create|arm|start|stop|halt|clear|status</c>: the run lifecycle and the engines' arm state in the
/// journal database (migrated first, like <c>mqd db migrate</c>). A refused transition exits 1 with the reason.
/// </summary>
internal static class RunCommand
{
    private static readonly string[] s_modes = ["PAPER", "LIVE", "BACKTEST"];

    private static readonly string s_databaseHelp =
        $"Works against {DatabaseLocator.DatabaseUrlVariable} when it is set; otherwise against the embedded PostgreSQL " +
        $"in ./{DbCommand.EmbeddedDataDirectory.Replace('\\', '/')} (as 'mqd db' does), migrating it first.";

    public static Command Create()
    {
        var engine = new Option<int>("--engine") { Description = $"The engine id (1 to {RunStore.MaxEngineId.ToString(CultureInfo.InvariantCulture)})", Required = true, HelpName = "N" };
        engine.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value is < 1 or > RunStore.MaxEngineId)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--engine {value} is out of range: an engine id is 1 to {RunStore.MaxEngineId}"));
            }
        });
        var mode = new Option<string>("--mode") { Description = "PAPER (default), LIVE or BACKTEST", DefaultValueFactory = _ => "PAPER", HelpName = "PAPER|LIVE|BACKTEST" };
        mode.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, s_modes);
        var create = new Command("create", "Create a run of an engine in CREATED; prints its uuid and run number") { engine, mode };
        create.SetAction(result => Guard(store =>
        {
            RunRecord run = store.CreateAsync(result.GetValue(engine), RunText.ParseMode(result.GetValue(mode)!.ToUpperInvariant())).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"created run {run.RunNumber} ({run.RunId}) of engine {run.EngineId}, {RunText.Of(run.Mode)}: CREATED"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"arm it with: mqd run arm {run.RunNumber}"));
            return 0;
        }));

        var reason = new Option<string>("--reason") { Description = "Why, in words an operator after you will understand", Required = true, HelpName = "TEXT" };
        reason.Validators.Add(NotBlank);
        var note = new Option<string>("--note") { Description = "What was checked or fixed before clearing the halt (kept on the run)", Required = true, HelpName = "TEXT" };
        note.Validators.Add(NotBlank);

        var statusRun = new Argument<RunReference?>("RUN")
        {
            Description = "The run's uuid or number; without it, every run",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result => result.Tokens.Count == 0 ? null : ParseRun(result),
        };
        var status = new Command("status", "Show runs (uuid, number, engine, mode, state, heartbeat, halt reason) and every engine's arm state") { statusRun };
        status.SetAction(result => Guard(store => Status(store, result.GetValue(statusRun))));

        return new Command(
            "run",
            "Run lifecycle and arm state: CREATED -> ARMED -> RUNNING -> STOPPED; HALTED is sticky from any state and only " +
            "'clear' leaves it (to STOPPED). RUN is a run's uuid or number. Exit code 0: done; 1: refused (the reason is " +
            "printed); 2: usage error. " + s_databaseHelp)
        {
            create,
            Transition("arm", "CREATED -> ARMED, and arm the engine (refused while a run of the engine is HALTED, or for a second active LIVE run of the engine)", RunTransition.Arm),
            Transition("start", "ARMED -> RUNNING (the engine must be armed)", RunTransition.Start),
            Transition("stop", "CREATED, ARMED or RUNNING -> STOPPED; the engine is disarmed when nothing of it is armed or running", RunTransition.Stop),
            Transition("halt", "Any state -> HALTED with a reason, and disarm the engine; sticky until 'clear'", RunTransition.Halt, reason),
            Transition("clear", "HALTED -> STOPPED by an operator, with a note; the engine stays disarmed until a new run is armed", RunTransition.ClearHalt, note),
            status,
        };
    }

    private static Command Transition(string name, string description, RunTransition transition, Option<string>? text = null)
    {
        var run = new Argument<RunReference>("RUN") { Description = "The run's uuid or number", CustomParser = result => ParseRun(result) ?? default };
        var command = new Command(name, description) { run };
        if (text is not null)
        {
            command.Options.Add(text);
        }

        command.SetAction(result => Guard(store =>
        {
            RunReference reference = result.GetValue(run);
            RunRecord changed = transition switch
            {
                RunTransition.Arm => store.ArmAsync(reference).GetAwaiter().GetResult(),
                RunTransition.Start => store.StartAsync(reference).GetAwaiter().GetResult(),
                RunTransition.Stop => store.StopAsync(reference).GetAwaiter().GetResult(),
                RunTransition.Halt => store.HaltAsync(reference, "operator: " + result.GetValue(text!)!.Trim()).GetAwaiter().GetResult(),
                _ => store.ClearHaltAsync(reference, result.GetValue(text!)!.Trim()).GetAwaiter().GetResult(),
            };
            Console.WriteLine($"{changed.Describe()}");
            Console.WriteLine(EngineLine(changed.EngineId, store.ArmStateAsync(changed.EngineId).GetAwaiter().GetResult()));
            return 0;
        }));
        return command;
    }

    private static int Status(RunStore store, RunReference? run)
    {
        IReadOnlyList<RunRecord> runs = run is { } one ? [store.StatusAsync(one).GetAwaiter().GetResult()] : store.ListAsync().GetAwaiter().GetResult();
        IReadOnlyList<EngineArmState> arms = store.ArmStatesAsync().GetAwaiter().GetResult();
        DateTimeOffset now = store.TimeProvider.GetUtcNow();
        if (runs.Count == 0)
        {
            Console.WriteLine("no runs (create one: mqd run create --engine N)");
        }
        else
        {
            WriteTable(
                ["RUN", "#", "ENGINE", "MODE", "STATE", "HEARTBEAT", "HALT REASON"],
                runs.Select(r => (string[])[
                    r.RunId.ToString(),
                    r.RunNumber.ToString(CultureInfo.InvariantCulture),
                    r.EngineId.ToString(CultureInfo.InvariantCulture),
                    RunText.Of(r.Mode),
                    RunText.Of(r.State),
                    r.HeartbeatAt is { } beat ? $"{Time(beat)} ({Age(now - beat)} ago)" : "-",
                    r.HaltReason is null ? "-" : r.ClearNote is null ? r.HaltReason : $"{r.HaltReason} [cleared: {r.ClearNote}]",
                ]));
        }

        IEnumerable<int> engines = runs.Select(r => r.EngineId).Concat(run is null ? arms.Select(a => a.EngineId) : []).Distinct().Order();
        Console.WriteLine();
        WriteTable(
            ["ENGINE", "ARM STATE", "SINCE", "REASON"],
            engines.Select(id => arms.FirstOrDefault(a => a.EngineId == id) is { } arm
                ? (string[])[id.ToString(CultureInfo.InvariantCulture), arm.Armed ? "ARMED" : "DISARMED", Time(arm.ChangedAt), arm.Reason ?? "-"]
                : [id.ToString(CultureInfo.InvariantCulture), "DISARMED", "-", "never armed"]));
        return 0;
    }

    private static string EngineLine(int engineId, EngineArmState? arm) => arm switch
    {
        { Armed: true } => string.Create(CultureInfo.InvariantCulture, $"engine {engineId}: ARMED"),
        { } disarmed => string.Create(CultureInfo.InvariantCulture, $"engine {engineId}: DISARMED ({disarmed.Reason})"),
        null => string.Create(CultureInfo.InvariantCulture, $"engine {engineId}: DISARMED (never armed)"),
    };

    /// <summary>Plain aligned columns rather than a boxed table: nothing wraps, and the output greps and pipes.</summary>
    private static void WriteTable(string[] header, IEnumerable<string[]> rows)
    {
        List<string[]> all = [header, .. rows];
        int[] widths = [.. Enumerable.Range(0, header.Length).Select(column => all.Max(row => row[column].Length))];
        foreach (string[] row in all)
        {
            var line = new StringBuilder();
            for (int column = 0; column < row.Length; column++)
            {
                line.Append(column == row.Length - 1 ? row[column] : row[column].PadRight(widths[column] + 2));
            }

            Console.WriteLine(line.ToString().TrimEnd());
        }
    }

    private static RunReference? ParseRun(ArgumentResult result)
    {
        string token = result.Tokens[0].Value;
        if (RunReference.TryParse(token, out RunReference reference))
        {
            return reference;
        }

        result.AddError($"'{token}' is not a run: give its uuid or its run number (mqd run status lists them)");
        return null;
    }

    private static void NotBlank(OptionResult result)
    {
        if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
        {
            result.AddError($"{result.Option.Name} needs some text");
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) => age < TimeSpan.Zero
        ? "0s"
        : age.TotalSeconds < 120 ? string.Create(CultureInfo.InvariantCulture, $"{(long)age.TotalSeconds}s")
        : age.TotalMinutes < 120 ? string.Create(CultureInfo.InvariantCulture, $"{(long)age.TotalMinutes}m")
        : string.Create(CultureInfo.InvariantCulture, $"{(long)age.TotalHours}h");

    /// <summary>Locates and migrates the database, runs <paramref name="work"/> on its runs, stops an embedded cluster after.</summary>
    private static int Guard(Func<RunStore, int> work)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable)))
            {
                Console.Error.WriteLine($"starting embedded PostgreSQL in ./{DbCommand.EmbeddedDataDirectory.Replace('\\', '/')} ...");
            }

            var options = new EmbeddedPostgresOptions { DataDirectory = Path.GetFullPath(DbCommand.EmbeddedDataDirectory) };
            using LocatedDatabase database = DatabaseLocator.LocateAsync(options).GetAwaiter().GetResult();
            Console.WriteLine($"database: {database.Description}");
            foreach (Migration applied in new MigrationRunner(database.ConnectionString).Migrate())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"applied migration {applied.Version:D4}_{applied.Name}"));
            }

            return work(new RunStore(database.ConnectionString, TimeProvider.System));
        }
        catch (Exception exception) when (exception is RunRefusedException or PostgresBinariesNotFoundException or EmbeddedPostgresException or MigrationRefusedException or FormatException or InvalidDataException or NpgsqlException)
        {
            CommandFailure.WriteError(exception.Message);
            return CommandFailure.Failed;
        }
    }
}
