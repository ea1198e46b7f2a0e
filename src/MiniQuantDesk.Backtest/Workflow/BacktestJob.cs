using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Metrics;
using MiniQuantDesk.Backtest.Reporting;
using MiniQuantDesk.Backtest.Running;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>
/// The main job: loads the bars, applies or forbids corporate actions, runs the baseline (and each stress profile
/// asked for) through <see cref="BacktestRunner"/>, and writes the hash-locked artifact folder:
/// config.json, orders.csv, fills.csv, trades.csv, equity.csv, metrics.json, events.jsonl, report.html,
/// skipped_rows.csv (with --skip-bad-rows), stress.json (with --stress) and manifest.json last.
/// </summary>
public static class BacktestJob
{
    /// <summary>The resolved configuration's file name.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>The stress suite's results.</summary>
    public const string StressFileName = "stress.json";

    /// <summary>Rows skipped with --skip-bad-rows.</summary>
    public const string SkippedRowsFileName = "skipped_rows.csv";

    /// <summary>Runs <paramref name="settings"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="settings">The resolved baseline settings.</param>
    /// <param name="outputDirectory">The artifact folder (created; refused if it holds a different run).</param>
    /// <param name="stress">The stress profiles to run after the baseline (none for an empty list).</param>
    /// <param name="progress">Called with (phase, bars done, bars in total) now and then; may be null.</param>
    public static BacktestJobResult Run(BacktestSettings settings, string outputDirectory, IReadOnlyList<StressProfile> stress, Action<string, long, long>? progress) =>
        RunRecorded(settings, outputDirectory, StressRuns.From(settings, stress), progress);

    /// <summary>Runs <paramref name="settings"/> and the given stress runs into <paramref name="outputDirectory"/>
    /// (what verify does with a run's recorded stress settings).</summary>
    public static BacktestJobResult RunRecorded(BacktestSettings settings, string outputDirectory, IReadOnlyList<StressRun> stress, Action<string, long, long>? progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stress);
        string configJson = CanonicalSettingsJson.Write(settings);
        string configSha = CanonicalSettingsJson.Sha256(configJson);
        List<string> inputs = [.. settings.DataFiles.Select(Path.GetFullPath)];
        if (settings.CorporateActionsFile is not null)
        {
            inputs.Add(Path.GetFullPath(settings.CorporateActionsFile));
        }

        foreach (string input in inputs)
        {
            if (!File.Exists(input))
            {
                throw new BacktestRefusedException($"{input}: no such file.");
            }
        }

        CorporateActionPlan plan = Load(settings);
        List<string> stressConfigs = [.. stress.Select(r => CanonicalSettingsJson.Write(r.Settings))];
        OutputFolder.Prepare(outputDirectory, configSha, inputs, stressConfigs);
        BacktestResult baseline = RunOne(settings, plan, "baseline", progress);
        BacktestMetrics metrics = Measure(baseline, out IReadOnlyList<RoundTrip> trips);
        var stressResults = new List<StressResult>();
        foreach (StressRun stressRun in stress)
        {
            BacktestResult run = RunOne(stressRun.Settings, plan, stressRun.Name, progress);
            stressResults.Add(new StressResult(stressRun.Name, Measure(run, out _)));
        }

        WriteArtifacts(outputDirectory, settings, configJson, plan, baseline, metrics, trips, stressResults, stressConfigs);
        ManifestWriter.Write(outputDirectory, inputs, configSha);
        return new BacktestJobResult
        {
            OutputDirectory = Path.GetFullPath(outputDirectory),
            Metrics = metrics,
            Stress = stressResults,
            Bars = baseline.Bars,
            BarsProcessed = baseline.BarsProcessed,
            SkippedRows = plan.Series.Sum(s => s.Skipped.Count),
            Halt = baseline.Halt,
            Stopped = baseline.Stopped,
            Notes = plan.Notes,
            ConfigSha256 = configSha,
        };
    }

    /// <summary>
    /// Completes settings as resolved from their layers into what config.json records: every strategy parameter
    /// (the defaults of those not given; an unknown strategy or parameter is an error naming the valid ones) and
    /// full paths for the data and actions files, so that the run re-runs from any working folder.
    /// </summary>
    public static BacktestSettings Complete(BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        StrategyDescriptor descriptor = StrategyCatalog.Find(settings.Strategy);
        IReadOnlyDictionary<string, long> parameters = StrategyCatalog.ResolveParameters(
            descriptor,
            settings.Parameters.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal));
        return settings with
        {
            Parameters = new SortedDictionary<string, long>(parameters.ToDictionary(), StringComparer.Ordinal),
            DataFiles = [.. settings.DataFiles.Select(Path.GetFullPath)],
            CorporateActionsFile = settings.CorporateActionsFile is null ? null : Path.GetFullPath(settings.CorporateActionsFile),
        };
    }

    /// <summary>Reads the bar files and the corporate actions, and plans what to do with the actions.</summary>
    public static CorporateActionPlan Load(BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Symbol is not null && settings.DataFiles.Count > 1)
        {
            throw new BacktestRefusedException("--symbol names the symbol of one data file; with several --data files each takes its symbol from its file name (SYMBOL_anything.csv).");
        }

        var series = new List<BarSeries>();
        for (int i = 0; i < settings.DataFiles.Count; i++)
        {
            BarSeries one = BarCsvReader.Read(settings.DataFiles[i], new BarCsvOptions
            {
                Symbol = settings.Symbol,
                SkipBadRows = settings.SkipBadRows,
                SymbolId = new Engine.Market.SymbolId(i + 1),
            });
            if (series.Exists(s => s.Symbol == one.Symbol))
            {
                throw new BacktestRefusedException($"{one.Path}: symbol {one.Symbol} is already given by another --data file; one file per symbol.");
            }

            series.Add(one);
        }

        IReadOnlyList<CorporateAction> actions = settings.CorporateActionsFile is null ? [] : CorporateActionsReader.Read(settings.CorporateActionsFile);
        return CorporateActionPlan.Create(series, actions, settings.CorporateActionsMode);
    }

    private static BacktestResult RunOne(BacktestSettings settings, CorporateActionPlan plan, string phase, Action<string, long, long>? progress) =>
        BacktestRunner.Run(new BacktestRequest
        {
            Series = plan.Series,
            Strategy = settings.Strategy,
            Parameters = settings.Parameters.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
            InitialCash = new Money(settings.InitialCashMicros),
            Venue = VenueOptionsFactory.From(settings),
            Stops = plan.Stops,
            CorporateActions = plan.Actions,
            Progress = progress is null ? null : (done, total) => progress(phase, done, total),
        });

    private static BacktestMetrics Measure(BacktestResult result, out IReadOnlyList<RoundTrip> trips)
    {
        trips = RoundTripBuilder.Build(result.Fills, result.Splits);
        return MetricsCalculator.Compute(result.Equity, trips, result.Fills, result.InitialCash.Micros);
    }

    private static void WriteArtifacts(
        string directory,
        BacktestSettings settings,
        string configJson,
        CorporateActionPlan plan,
        BacktestResult result,
        BacktestMetrics metrics,
        IReadOnlyList<RoundTrip> trips,
        List<StressResult> stress,
        List<string> stressConfigs)
    {
        ArtifactFile.WriteText(Path.Combine(directory, ConfigFileName), configJson);
        ArtifactCsv.WriteOrders(Path.Combine(directory, "orders.csv"), result.Orders);
        ArtifactCsv.WriteFills(Path.Combine(directory, "fills.csv"), result.Fills);
        ArtifactCsv.WriteTrades(Path.Combine(directory, "trades.csv"), trips);
        ArtifactCsv.WriteEquity(Path.Combine(directory, "equity.csv"), result.Equity);
        MetricsJson.Write(metrics, Path.Combine(directory, "metrics.json"));
        using (var log = new EventLogWriter(Path.Combine(directory, "events.jsonl")))
        {
            foreach (RunEvent runEvent in result.Events)
            {
                log.Append(runEvent.Type, runEvent.TimeNs, runEvent.Fields);
            }

            log.Close();
        }

        if (settings.SkipBadRows)
        {
            ArtifactFile.WriteText(Path.Combine(directory, SkippedRowsFileName), SkippedRowsText(plan.Series));
        }

        if (stress.Count > 0)
        {
            ArtifactFile.WriteText(Path.Combine(directory, StressFileName), StressText(metrics, stress, stressConfigs));
        }

        var run = new List<KeyValuePair<string, string>>
        {
            new("data", string.Join(", ", plan.Series.Select(s => $"{Path.GetFileName(s.Path)} ({s.Bars.Length:N0} bars, {s.Timeframe})"))),
            new("parameters", string.Join(", ", settings.Parameters.Select(p => $"{p.Key}={p.Value}"))),
            new("initial cash", DecimalText.FormatMicros(settings.InitialCashMicros)),
            new("costs", settings.Costs == CostModel.None ? "none" : "conservative"),
            new("fills", settings.FillTiming + (settings.LatencyBars > 0 ? $", {settings.LatencyBars} bar(s) latency" : string.Empty)),
            new("engine halt", result.Halt ?? "none"),
            new("stopped early", result.Stopped ?? "no"),
        };
        run.AddRange(plan.Notes.Select(n => new KeyValuePair<string, string>("corporate action", n)));
        ReportWriter.Write(
            Path.Combine(directory, "report.html"),
            new ReportModel($"{settings.Strategy} backtest", settings.Strategy, [.. plan.Series.Select(s => s.Symbol)], run, metrics, result.Equity, trips, stress));
    }

    private static string SkippedRowsText(IReadOnlyList<BarSeries> series)
    {
        var text = new System.Text.StringBuilder("file,line,reason,row\n");
        foreach (BarSeries one in series)
        {
            foreach (SkippedRow row in one.Skipped)
            {
                CsvText.AppendField(text, Path.GetFileName(one.Path));
                text.Append(',').Append(row.Line.ToString(CultureInfo.InvariantCulture)).Append(',');
                CsvText.AppendField(text, row.Reason);
                text.Append(',');
                CsvText.AppendField(text, row.Text);
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string StressText(BacktestMetrics baseline, List<StressResult> stress, List<string> configs)
    {
        var profiles = new JsonArray();
        for (int i = 0; i < stress.Count; i++)
        {
            // The stressed run's settings, as the canonical text config.json would hold: verify re-runs from it.
            profiles.Add(new JsonObject { ["name"] = stress[i].Profile, ["metrics"] = MetricsJson.ToJson(stress[i].Metrics), ["config"] = configs[i] });
        }

        return CanonicalJson.Serialize(new JsonObject { ["baseline"] = MetricsJson.ToJson(baseline), ["profiles"] = profiles });
    }
}
