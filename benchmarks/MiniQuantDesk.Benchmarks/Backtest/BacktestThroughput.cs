using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;

namespace MiniQuantDesk.Benchmarks.Backtest;

/// <summary>
/// Backtest throughput on the synthetic sample data (<see cref="BacktestWorkload"/>: <c>sma-cross</c> 10/30/100,
/// conservative costs, the split applied). One operation is one bar, so the reported time is per bar and the
/// <c>Events/s</c> column is bars per second.
/// <code>
/// ParseOnly (baseline):  SAMPLE_1m.csv ─▶ BarCsvReader ─▶ Bar[]
/// EnginePreParsed:                        Bar[] ─▶ BacktestRunner (venue ⇄ integrity→strategy→risk→gateway, polled)
/// MinuteYearEndToEnd:    SAMPLE_1m.csv ─▶ BarCsvReader ─▶ actions ─▶ BacktestRunner ─▶ metrics ─▶ artifacts, manifest
/// DailyTenYearsEndToEnd: SAMPLE_1d.csv ─▶ the same, ten years of daily bars (2,516)
/// </code>
/// The regression check compares each method's speed-up over <see cref="ParseOnly"/> of the same run, so a change
/// that slows the engine or the artifact writers relative to the CSV reader shows, whatever the machine. The end-to-end
/// jobs write every artifact into a folder emptied before each invocation (so the deletion of ten files is timed
/// too, which is noise next to writing them).
/// <para>An invocation replays a whole run (tens of milliseconds), so an iteration holds only a few, and the runner's
/// bar loop is called once per run: the runtime compiles it fully only after 30 calls. With the CI profile's two
/// warmup iterations the measurement ran on code still being tiered up (the last measured iteration was 2.8 times
/// faster than the first). Sixteen warmup iterations give every method its final code before anything is measured.</para>
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes nothing; GlobalCleanup disposes the workload.")]
[MemoryDiagnoser]
[WarmupCount(16)]
public class BacktestThroughput
{
    private BacktestWorkload? _workload;
    private string _dailyOutput = string.Empty;
    private string _minuteOutput = string.Empty;

    /// <summary>Writes the sample data once and pre-parses both bar files (not timed).</summary>
    [GlobalSetup]
    public void SetUp()
    {
        _workload = new BacktestWorkload();
        _dailyOutput = _workload.OutputFolder("daily");
        _minuteOutput = _workload.OutputFolder("minute");
    }

    /// <summary>Deletes the sample data and the artifacts.</summary>
    [GlobalCleanup]
    public void CleanUp()
    {
        _workload?.Dispose();
        _workload = null;
    }

    /// <summary>Baseline: reading and checking the minute CSV into bars, per bar.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BacktestWorkload.MinuteBars)]
    public long ParseOnly() => _workload!.ParseMinuteBars().Bars.Length;

    /// <summary>The ten-year daily job end to end, as <c>mqd backtest</c> runs it, per bar.</summary>
    [Benchmark(OperationsPerInvoke = BacktestWorkload.DailyBars)]
    public long DailyTenYearsEndToEnd() => _workload!.RunDailyJob(_dailyOutput);

    /// <summary>The minute-year job end to end, CSV parsing and artifacts included, per bar.</summary>
    [Benchmark(OperationsPerInvoke = BacktestWorkload.MinuteBars)]
    public long MinuteYearEndToEnd() => _workload!.RunMinuteJob(_minuteOutput);

    /// <summary>The engine alone on the pre-parsed minute bars (no I/O, no artifacts), per bar.</summary>
    [Benchmark(OperationsPerInvoke = BacktestWorkload.MinuteBars)]
    public long EnginePreParsed() => _workload!.RunEngineOnMinuteBars();
}
