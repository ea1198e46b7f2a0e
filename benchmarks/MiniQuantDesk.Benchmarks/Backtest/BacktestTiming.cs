using System.Diagnostics;
using System.Globalization;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Benchmarks.Regression;

namespace MiniQuantDesk.Benchmarks.Backtest;

/// <summary>
/// The <c>backtest-timing</c> mode: wall-clock times of the backtest workloads (<see cref="BacktestWorkload"/>) with
/// a <see cref="Stopwatch"/>, against the issue's absolute targets — the ten-year daily job under 1 s, the minute-year
/// job under 2 s, the engine on pre-parsed bars at 5,000,000 bars/s or more. Absolute numbers hold for the machine
/// they were taken on, so this is for the README and release notes; the regression check compares ratios
/// (<see cref="BacktestThroughput"/>) instead.
/// <code>
/// for each workload: warm-up runs (JIT, file cache) ─▶ N measured runs, each after a full GC ─▶ min / median / max
/// </code>
/// The end-to-end jobs get one warm-up run: a user runs a job once. The engine's throughput is a steady-state
/// figure, so its workload warms up for 40 runs: the runner's bar loop is called once per run, and the runtime
/// compiles a method fully only after 30 calls, so after one warm-up run the engine was timed on code still being
/// tiered up.
/// </summary>
public static class BacktestTiming
{
    private const int JobWarmUpRuns = 1;
    private const int EngineWarmUpRuns = 40;
    private const int DefaultRepetitions = 5;

    /// <summary>Runs the mode with the arguments after <c>backtest-timing</c> (<c>[--repetitions N]</c>).</summary>
    /// <returns>0 when it ran (a missed target is reported, not an error: the numbers depend on the machine).</returns>
    /// <exception cref="ArgumentException">An unknown option or a bad number.</exception>
    public static int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int repetitions = DefaultRepetitions;
        for (int index = 0; index < args.Count; index++)
        {
            repetitions = args[index] switch
            {
                "--repetitions" when index + 1 < args.Count => ParseRepetitions(args[++index]),
                _ => throw new ArgumentException($"backtest-timing: unknown or incomplete option '{args[index]}'. Usage: backtest-timing [--repetitions N]"),
            };
        }

        Console.WriteLine($"Backtest timing: {JobWarmUpRuns} warm-up run of each job and {EngineWarmUpRuns} of the engine, then {repetitions} measured runs of each workload (Stopwatch), judged on the median.");
        Console.WriteLine("Workload: sma-cross fast 10, slow 30, 100 shares, conservative costs, corporate actions applied, on the synthetic sample data.");
        Console.WriteLine($"Machine: {MachineInfo.Current()}");
        using var workload = new BacktestWorkload();
        string dailyOutput = workload.OutputFolder("daily");
        string minuteOutput = workload.OutputFolder("minute");
        Workload[] workloads =
        [
            new("daily, 10 years, end to end", () => workload.RunDailyJob(dailyOutput), JobWarmUpRuns, MaxSeconds: 1),
            new("minute, 1 year, end to end", () => workload.RunMinuteJob(minuteOutput), JobWarmUpRuns, MaxSeconds: 2),
            new("engine, pre-parsed minute bars", workload.RunEngineOnMinuteBars, EngineWarmUpRuns, MinBarsPerSecond: 5_000_000),
        ];

        Console.WriteLine();
        Console.WriteLine("| workload                       |   bars |        min |     median |        max | bars/s (median) | target              | result |");
        Console.WriteLine("|--------------------------------|-------:|-----------:|-----------:|-----------:|----------------:|---------------------|--------|");
        foreach (Workload one in workloads)
        {
            Console.Out.Flush();
            (long bars, double[] seconds) = Measure(one.Run, one.WarmUpRuns, repetitions);
            double median = ToleranceRule.Median(seconds);
            double barsPerSecond = bars / median;
            bool met = one.MaxSeconds is { } maxSeconds ? median < maxSeconds : barsPerSecond >= one.MinBarsPerSecond!.Value;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {one.Name,-30} | {bars,6:N0} | {Time(seconds.Min()),10} | {Time(median),10} | {Time(seconds.Max()),10} | {barsPerSecond,15:N0} | {one.Target,-19} | {(met ? "MET" : "MISSED"),-6} |"));
        }

        Console.WriteLine();
        Console.WriteLine("End to end = read and check the CSV, apply the split, replay every bar through the pipeline and the simulated venue,");
        Console.WriteLine("compute the metrics and write every artifact (orders, fills, trades, equity, metrics, event log, report, manifest).");
        return 0;
    }

    /// <summary>Runs <paramref name="run"/> <paramref name="warmUpRuns"/> times untimed, then <paramref name="repetitions"/>
    /// times timed; returns the bars of the last run and the seconds of each timed run.</summary>
    private static (long Bars, double[] Seconds) Measure(Func<long> run, int warmUpRuns, int repetitions)
    {
        long bars = 0;
        for (int i = 0; i < warmUpRuns; i++)
        {
            bars = run();
        }

        double[] seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            // Each run starts with a clean heap, so one run's garbage is not collected on the next one's clock.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long started = Stopwatch.GetTimestamp();
            bars = run();
            seconds[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        return (bars, seconds);
    }

    private static int ParseRepetitions(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ArgumentException($"backtest-timing: --repetitions needs a positive whole number, got '{text}'.");

    private static string Time(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:F1} ms");

    /// <summary>One timed workload and its target: a time limit or a throughput floor.</summary>
    private sealed record Workload(string Name, Func<long> Run, int WarmUpRuns, double? MaxSeconds = null, double? MinBarsPerSecond = null)
    {
        public string Target => MaxSeconds is { } seconds
            ? string.Create(CultureInfo.InvariantCulture, $"< {seconds:0.##} s")
            : string.Create(CultureInfo.InvariantCulture, $">= {MinBarsPerSecond:N0} bars/s");
    }
}
