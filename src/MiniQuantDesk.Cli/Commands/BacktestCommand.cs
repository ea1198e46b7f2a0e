using System.CommandLine;
using System.Globalization;
using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Cli.Output;
using MiniQuantDesk.Engine.Numerics;
using Spectre.Console;

namespace MiniQuantDesk.Cli.Commands;

/// <summary><c>mqd backtest</c>: the main job.</summary>
internal static class BacktestCommand
{
    /// <summary>Where a run goes without --out.</summary>
    public const string DefaultOutput = "runs/backtest";

    /// <summary>Where the sample data set goes when a run names no data.</summary>
    public const string SampleFolder = "sample-data";

    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = $"Bar file (CSV, header timestamp,open,high,low,close,volume); repeat for more symbols. Without it: the built-in sample data set, written to ./{SampleFolder}", HelpName = "FILE.csv" };
        var symbol = new Option<string?>("--symbol") { Description = "The symbol of a single --data file (default: its file name up to the first '_')" };
        var strategy = new Option<string?>("--strategy") { Description = "Strategy name (default sma-cross; 'mqd strategies' lists them)" };
        var parameters = new Option<string[]>("--param") { Description = "Strategy parameter NAME=VALUE, e.g. fast=10; repeat", HelpName = "NAME=VALUE" };
        var cash = new Option<string?>("--cash") { Description = "Starting cash in dollars (default 100000)", HelpName = "AMOUNT" };
        var costs = new Option<string?>("--costs") { Description = "conservative (default: ATR slippage, commissions, volume cap) or none (all off)" };
        costs.AcceptOnlyFromAmong("conservative", "none");
        var config = new Option<string?>("--config") { Description = "YAML configuration file; the command line overrides it", HelpName = "FILE.yaml" };
        var stress = new Option<string?>("--stress") { Description = "Also run a stress profile, or 'all' of them, and report their impact side by side", HelpName = "PROFILE|all" };
        var stressDirectory = new Option<string?>("--stress-dir") { Description = "Folder of stress profile YAML files (default: the built-in slippage-x2, high-latency, partial-fills)", HelpName = "DIR" };
        var actions = new Option<string?>("--corporate-actions") { Description = "Splits and dividends CSV (date,symbol,kind,ratio_or_amount)", HelpName = "FILE.csv" };
        var actionsMode = new Option<string?>("--corporate-actions-mode") { Description = "apply (the engine applies them to positions, orders and cash at each ex-date) or forbid (stop the run at the first one); without either, data crossing a split unadjusted is refused" };
        actionsMode.AcceptOnlyFromAmong("apply", "forbid");
        var fillTiming = new Option<string?>("--fill-timing") { Description = "next-bar-open (default) or same-bar-close (explicit opt-in)" };
        fillTiming.AcceptOnlyFromAmong(FillTimings.NextBarOpen, FillTimings.SameBarClose);
        var latency = new Option<int?>("--latency-bars") { Description = "Extra bars before an order may fill (default 0)" };
        var skipBadRows = new Option<bool>("--skip-bad-rows") { Description = "Skip malformed CSV rows, counting and listing them in the artifacts (default: stop at the first)" };
        var output = new Option<string>("--out") { Description = "Artifact folder (new or empty; a folder holding a different run is never overwritten)", DefaultValueFactory = _ => DefaultOutput, HelpName = "DIR" };
        var command = new Command("backtest", "Replay bars through the live pipeline against a simulated venue; write a hash-locked artifact folder and a report. Exit code 0: done; 1: refused, failed, or the engine halted / the run stopped early (artifacts written, reason printed); 2: usage error")
        {
            data, symbol, strategy, parameters, cash, costs, config, stress, stressDirectory, actions, actionsMode, fillTiming, latency, skipBadRows, output,
        };
        command.SetAction(result => CommandFailure.Guard(() =>
        {
            SettingsOverlay cli = new()
            {
                DataFiles = result.GetValue(data) is { Length: > 0 } files ? files : null,
                Symbol = result.GetValue(symbol),
                Strategy = result.GetValue(strategy),
                Parameters = Parameters(result.GetValue(parameters) ?? []),
                InitialCashMicros = result.GetValue(cash) is { } text ? Cash(text) : null,
                Costs = result.GetValue(costs) switch { "none" => CostModel.None, "conservative" => CostModel.Conservative, _ => null },
                FillTiming = result.GetValue(fillTiming),
                LatencyBars = result.GetValue(latency),
                CorporateActionsFile = result.GetValue(actions),
                CorporateActionsMode = result.GetValue(actionsMode) switch { "apply" => CorporateActionsMode.Apply, "forbid" => CorporateActionsMode.Forbid, _ => null },
                SkipBadRows = result.GetValue(skipBadRows) ? true : null,
            };
            SettingsOverlay? file = result.GetValue(config) is { } path ? SettingsYaml.Load(path) : null;
            if (cli.DataFiles is null && file?.DataFiles is null)
            {
                cli = WithSampleData(cli);
            }

            BacktestSettings settings = BacktestJob.Complete(SettingsResolver.Resolve(file, cli, null));
            StressProfileCatalog catalog = result.GetValue(stressDirectory) is { } directory ? StressProfileCatalog.Load(directory) : StressProfileCatalog.BuiltIn;
            IReadOnlyList<StressProfile> profiles = result.GetValue(stress) is { } selection ? catalog.Select(selection) : [];
            string outputDirectory = result.GetValue(output)!;
            return Run(settings, profiles, outputDirectory);
        }));
        return command;
    }

    private static int Run(BacktestSettings settings, IReadOnlyList<StressProfile> profiles, string outputDirectory)
    {
        Console.WriteLine($"mqd backtest: {settings.Strategy} on {string.Join(", ", settings.DataFiles.Select(Path.GetFileName))}" +
            (profiles.Count > 0 ? $", stress: {string.Join(", ", profiles.Select(p => p.Name))}" : string.Empty));
        BacktestJobResult result = RunProgress.Show(CommandFailure.Interactive, progress => BacktestJob.Run(settings, outputDirectory, profiles, progress));
        AnsiConsole.Write(SummaryTables.Metrics(result));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bars: {result.BarsProcessed:N0} of {result.Bars:N0}; skipped rows: {result.SkippedRows}"));
        foreach (string note in result.Notes)
        {
            Console.WriteLine($"corporate action: {note}");
        }

        if (result.Halt is not null)
        {
            Console.WriteLine($"ENGINE HALTED: {result.Halt}");
        }

        if (result.Stopped is not null)
        {
            Console.WriteLine($"RUN STOPPED EARLY: {result.Stopped}");
        }

        Console.WriteLine($"artifacts: {result.OutputDirectory} (config SHA-256 {result.ConfigSha256})");
        Console.WriteLine($"report:    {Path.Combine(result.OutputDirectory, "report.html")}");
        Console.WriteLine($"verify it: mqd verify {result.OutputDirectory}");

        // A run that halted or stopped early wrote its artifacts, but it is not a clean result: say so by exit code.
        return result.Halt is null && result.Stopped is null ? 0 : CommandFailure.Failed;
    }

    /// <summary>
    /// The embedded default: no data named anywhere, so the run uses the deterministic sample data set (written to
    /// ./sample-data, or found there identical), its daily file with its 2:1 split applied from its actions file.
    /// </summary>
    private static SettingsOverlay WithSampleData(SettingsOverlay cli)
    {
        SampleDataFiles files = SampleDataGenerator.Write(SampleFolder);
        Console.WriteLine($"no --data given: using the built-in sample data set in {Path.GetFullPath(SampleFolder)} (see mqd sample-data --help)");
        return cli with
        {
            DataFiles = [files.DailyBars],
            CorporateActionsFile = cli.CorporateActionsFile ?? files.CorporateActions,
            CorporateActionsMode = cli.CorporateActionsMode ?? CorporateActionsMode.Apply,
        };
    }

    private static Dictionary<string, long>? Parameters(string[] given)
    {
        if (given.Length == 0)
        {
            return null;
        }

        var parameters = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string pair in given)
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !long.TryParse(pair.AsSpan(equals + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            {
                throw new ArgumentException($"--param '{pair}': give NAME=WHOLE_NUMBER, e.g. --param fast=10.");
            }

            parameters[pair[..equals]] = value;
        }

        return parameters;
    }

    private static long Cash(string text) =>
        DecimalText.TryParseMicros(text, out long micros, out bool rounded) == NumericError.None && !rounded && micros > 0
            ? micros
            : throw new ArgumentException($"--cash '{text}': give a positive amount in dollars with at most 6 decimals, e.g. --cash 100000.");
}
