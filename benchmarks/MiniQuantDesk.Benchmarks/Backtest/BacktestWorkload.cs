using System.Globalization;
using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Running;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Strategy.Builtin;

namespace MiniQuantDesk.Benchmarks.Backtest;

/// <summary>
/// The backtests the benchmarks time, on the synthetic sample data (<see cref="SampleDataGenerator"/>) written once
/// into a temporary folder: <c>sma-cross</c> fast 10, slow 30, 100 shares, conservative costs, the corporate actions
/// file applied — what <c>mqd sample-data</c> suggests a user tries first. Shared by
/// <see cref="BacktestThroughput"/> (BenchmarkDotNet) and <see cref="BacktestTiming"/> (Stopwatch) so both measure
/// the same work. Every run checks that it replayed every bar without a halt or an early stop, so a benchmark never
/// times an engine that gave up.
/// </summary>
public sealed class BacktestWorkload : IDisposable
{
    /// <summary>Bars in <c>SAMPLE_1d.csv</c>: every NYSE session from 2014-01-02 to 2023-12-29. A constant because
    /// BenchmarkDotNet's <c>OperationsPerInvoke</c> must be one; the constructor checks it against the file.</summary>
    public const int DailyBars = 2_516;

    /// <summary>Bars in <c>SAMPLE_1m.csv</c>: every regular-session minute of 2023 (checked like <see cref="DailyBars"/>).</summary>
    public const int MinuteBars = 97_140;

    private readonly string _root;
    private readonly BarCsvOptions _minuteCsvOptions = new() { SymbolId = new SymbolId(1) };
    private readonly BacktestRequest _engineRequest;

    /// <summary>Writes the sample data into a new folder under the system's temporary folder, resolves the daily
    /// and minute settings as the command line would, and pre-parses both bar files.</summary>
    /// <exception cref="InvalidOperationException">The sample data no longer hold <see cref="DailyBars"/> and
    /// <see cref="MinuteBars"/> bars (the generator changed: update the constants).</exception>
    public BacktestWorkload()
    {
        _root = Path.Combine(Path.GetTempPath(), "mqd-bench-backtest-" + Guid.NewGuid().ToString("N"));
        try
        {
            Files = SampleDataGenerator.Write(Path.Combine(_root, "data"));
            DailySettings = Resolve(Files.DailyBars);
            MinuteSettings = Resolve(Files.MinuteBars);
            DailySeries = BarCsvReader.Read(Files.DailyBars, new BarCsvOptions { SymbolId = new SymbolId(1) });
            MinuteSeries = ParseMinuteBars();
            RequireBars(DailySeries, DailyBars);
            RequireBars(MinuteSeries, MinuteBars);
            _engineRequest = new BacktestRequest
            {
                Series = [MinuteSeries],
                Strategy = MinuteSettings.Strategy,
                Parameters = MinuteSettings.Parameters.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
                InitialCash = new Money(MinuteSettings.InitialCashMicros),
                Venue = VenueOptionsFactory.From(MinuteSettings),
            };
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The sample data files.</summary>
    public SampleDataFiles Files { get; }

    /// <summary>The ten-year daily job's settings, completed as <c>mqd backtest</c> completes them.</summary>
    public BacktestSettings DailySettings { get; }

    /// <summary>The minute-year job's settings.</summary>
    public BacktestSettings MinuteSettings { get; }

    /// <summary>The daily bars, parsed once.</summary>
    public BarSeries DailySeries { get; }

    /// <summary>The minute bars, parsed once.</summary>
    public BarSeries MinuteSeries { get; }

    /// <summary>
    /// The whole ten-year daily job as a user runs it: reads and checks the CSV, applies the split, replays every
    /// bar, computes the metrics and writes every artifact (orders, fills, trades, equity, metrics, hash-chained event
    /// log, report, manifest) into <paramref name="outputDirectory"/>, which is emptied first so that every run writes
    /// a fresh folder.
    /// </summary>
    /// <returns>The bars replayed.</returns>
    public long RunDailyJob(string outputDirectory) => RunJob(DailySettings, outputDirectory);

    /// <summary>The whole minute-year job, CSV parsing and artifacts included (see <see cref="RunDailyJob"/>).</summary>
    /// <returns>The bars replayed.</returns>
    public long RunMinuteJob(string outputDirectory) => RunJob(MinuteSettings, outputDirectory);

    /// <summary>The engine alone on the pre-parsed minute bars: <see cref="BacktestRunner"/> with the job's venue and
    /// strategy, no file I/O, no metrics, no artifacts.</summary>
    /// <returns>The bars replayed.</returns>
    public long RunEngineOnMinuteBars()
    {
        BacktestResult result = BacktestRunner.Run(_engineRequest);
        return Completed("the engine on pre-parsed minute bars", result.Bars, result.BarsProcessed, result.Halt, result.Stopped, result.Fills.Count);
    }

    /// <summary>Reads and checks <c>SAMPLE_1m.csv</c> into bars, as the job does before running.</summary>
    public BarSeries ParseMinuteBars() => BarCsvReader.Read(Files.MinuteBars, _minuteCsvOptions);

    /// <summary>A folder for run artifacts under this workload's temporary folder (not created).</summary>
    public string OutputFolder(string name) => Path.Combine(_root, "runs", name);

    /// <summary>Deletes the temporary folder and everything in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static long RunJob(BacktestSettings settings, string outputDirectory)
    {
        // The job refuses a folder holding a different run and clears one holding the same run; deleting it here
        // makes every invocation the first run into a fresh folder, as a user's usually is.
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        BacktestJobResult result = BacktestJob.Run(settings, outputDirectory, [], null);
        return Completed(Path.GetFileName(settings.DataFiles[0]), result.Bars, result.BarsProcessed, result.Halt, result.Stopped, result.Metrics.TradeCount);
    }

    private static BacktestSettings Resolve(string dataFile) =>
        BacktestJob.Complete(SettingsResolver.Resolve(
            null,
            new SettingsOverlay
            {
                DataFiles = [dataFile],
                Strategy = SmaCrossStrategy.CatalogName,
                Parameters = new Dictionary<string, long>(StringComparer.Ordinal) { ["fast"] = 10, ["slow"] = 30, ["qty"] = 100 },
                CorporateActionsFile = Path.Combine(Path.GetDirectoryName(dataFile)!, SampleDataGenerator.CorporateActionsFileName),
                CorporateActionsMode = CorporateActionsMode.Apply,
            },
            null));

    private static void RequireBars(BarSeries series, int expected)
    {
        if (series.Bars.Length != expected)
        {
            throw new InvalidOperationException(
                $"{series.Path} holds {series.Bars.Length} bars, the benchmarks assume {expected}: the sample data generator changed; update {nameof(BacktestWorkload)}.{(expected == DailyBars ? nameof(DailyBars) : nameof(MinuteBars))}.");
        }
    }

    /// <summary>Throws unless the run replayed all its bars, did not halt or stop, and traded; returns the bars.</summary>
    private static long Completed(string what, long bars, long processed, string? halt, string? stopped, long trades)
    {
        if (processed != bars || halt is not null || stopped is not null || trades == 0)
        {
            throw new InvalidOperationException(
                $"The benchmark backtest of {what} did not do the full work: {processed} of {bars} bars, halt '{halt ?? "none"}', stopped '{stopped ?? "no"}', {trades} trades.");
        }

        return processed;
    }
}
