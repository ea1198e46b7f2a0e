using System.Globalization;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Benchmarks.Latency;
using MiniQuantDesk.Benchmarks.Throughput;

namespace MiniQuantDesk.Benchmarks.Regression;

/// <summary>
/// Compares one or more runs (BenchmarkDotNet throughput reports and latency harness results) with the committed
/// baselines in perf-baselines/, or rewrites those baselines from the runs. Only ratios are compared — ours
/// against the Channels baseline measured in the same run — because absolute times do not carry over between
/// machines; allocation must stay 0 bytes per event wherever the baseline has 0.
/// </summary>
public static class RegressionCheck
{
    /// <summary>The throughput baseline's file name in the baselines folder.</summary>
    public const string ThroughputFile = "throughput.json";

    /// <summary>The latency baseline's file name in the baselines folder.</summary>
    public const string LatencyFile = "latency.json";

    /// <summary>Where, inside a run folder, the BenchmarkDotNet artifacts are.</summary>
    public const string RunThroughputFolder = "throughput";

    /// <summary>Where, inside a run folder, the latency harness's JSON is.</summary>
    public const string RunLatencyFile = "latency.json";

    /// <summary>Benchmarks of .NET, not of our code, besides the classes' baselines: shown, never judged.</summary>
    private static readonly HashSet<string> s_informationOnly = new(StringComparer.Ordinal)
    {
        $"{nameof(OneToOneThroughput)}.{nameof(OneToOneThroughput.BlockingCollection)}",
    };

    /// <summary>The latency percentiles whose ratios are checked.</summary>
    private static readonly double[] s_checkedPercentiles = [50, 99];

    /// <summary>The latency scenarios whose ratios against the channel are checked: the ring's hand-off and the
    /// trading core's tick-to-decision, fused and staged.</summary>
    private static readonly string[] s_checkedScenarios = [LatencyHarness.RingYielding, TickToDecision.Fused, TickToDecision.FusedJournal, TickToDecision.Staged];

    /// <summary>
    /// The tolerance of throughput ratios: 30% below the lowest ratio seen over the baseline's runs (the second
    /// lowest with 5 runs or more, so that one disturbed run does not set the band). On the 2-core
    /// baseline machine the most stable ratios (1 → 1, three stages) moved by about 10% between quiet runs, so 30%
    /// is three times that; the ratios that moved much more (a disturbed run, another vCPU placement) get their
    /// measured range on top. See perf-baselines/README.md for the measurements.
    /// </summary>
    private static readonly ToleranceRule s_throughputTolerance = new(
        Margin: 0.30,
        Explanation: "A ring benchmark fails when its speed-up over the Channels baseline of the same run falls below allowedMinimum = (lowest speed-up over the baseline's runs; with 5 runs or more the second lowest) x (1 - 0.30): the run-to-run range measured when the baseline was made, widened by 30% (three times the ~10% spread of the most stable ratios between quiet runs). See perf-baselines/README.md.");

    /// <summary>The tolerance of latency ratios; the same rule (see perf-baselines/README.md for the measured spread).</summary>
    private static readonly ToleranceRule s_latencyTolerance = new(
        Margin: 0.30,
        Explanation: "A latency percentile fails when the ring's advantage over the channel (channel percentile / ring percentile, same run) falls below allowedMinimum = (lowest advantage over the baseline's runs; with 5 runs or more the second lowest) x (1 - 0.30).");

    /// <summary>Runs the check with the arguments after <c>check</c>; returns 0 (pass), 1 (regression) or 2 (unusable input).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var runs = new List<string>();
        string baselines = "perf-baselines";
        string? retryList = null;
        bool update = false;
        for (int index = 0; index < args.Count; index++)
        {
            switch (args[index])
            {
                case "--run" when index + 1 < args.Count:
                    runs.Add(args[++index]);
                    break;
                case "--baselines" when index + 1 < args.Count:
                    baselines = args[++index];
                    break;
                case "--retry-list" when index + 1 < args.Count:
                    retryList = args[++index];
                    break;
                case "--update-baselines":
                    update = true;
                    break;
                default:
                    Console.Error.WriteLine($"check: unknown or incomplete option '{args[index]}'. Usage: check --run DIR [--run DIR ...] [--baselines DIR] [--retry-list FILE] [--update-baselines]");
                    return 2;
            }
        }

        if (runs.Count == 0)
        {
            Console.Error.WriteLine("check: give at least one --run DIR (a folder holding throughput/ from BenchmarkDotNet and latency.json from the latency harness).");
            return 2;
        }

        try
        {
            List<RunResults> results = [.. runs.Select(RunResults.Read)];
            return update ? UpdateBaselines(results, baselines) : Compare(results, baselines, retryList);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"check: {exception.Message}");
            return 2;
        }
    }

    private static int Compare(List<RunResults> runs, string baselines, string? retryList)
    {
        string throughputPath = Path.Combine(baselines, ThroughputFile);
        string latencyPath = Path.Combine(baselines, LatencyFile);
        if (!File.Exists(throughputPath) || !File.Exists(latencyPath))
        {
            throw new InvalidDataException($"{baselines}: no {ThroughputFile} or {LatencyFile}. Create them on a quiet machine with 'benchmarks/check-regression.sh --update-baselines'.");
        }

        ThroughputBaseline throughput = Json.Read<ThroughputBaseline>(throughputPath);
        LatencyBaseline latency = Json.Read<LatencyBaseline>(latencyPath);
        Console.WriteLine();
        Console.WriteLine($"Baselines: {Path.GetFullPath(baselines)}");
        Console.WriteLine($"  throughput measured on: {throughput.Machine} ({throughput.Runs} runs of the '{throughput.Profile}' profile)");
        Console.WriteLine($"  latency measured on:    {latency.Machine} ({latency.Runs} runs of {latency.EventsPerRun:N0} events)");
        Console.WriteLine($"  this run:               {MachineInfo.Current()} ({runs.Count} run(s))");
        Console.WriteLine($"Tolerance (throughput): {throughput.Tolerance.Explanation}");
        Console.WriteLine($"Tolerance (latency):    {latency.Tolerance.Explanation}");
        Console.WriteLine("Allocation: a benchmark whose baseline allocates 0 bytes per event fails if it allocates any (strict, whole bytes per event).");
        if (runs.Count > 1)
        {
            Console.WriteLine($"Ratios: the best of the {runs.Count} runs (a regression must show in every run; one disturbed run is not a regression). Allocation: the worst.");
        }

        var failedGroups = new SortedSet<string>(StringComparer.Ordinal);
        int failures = CompareThroughput(runs, throughput, failedGroups);
        int latencyFailures = CompareLatency(runs, latency);
        failures += latencyFailures;
        if (latencyFailures > 0)
        {
            failedGroups.Add("latency");
        }

        if (retryList is not null)
        {
            File.WriteAllLines(retryList, failedGroups);
        }

        Console.WriteLine();
        if (failures == 0)
        {
            Console.WriteLine("RESULT: PASS — no ratio fell beyond its tolerance and no zero-allocation path allocated.");
            return 0;
        }

        Console.WriteLine($"RESULT: FAIL — {failures} check(s) regressed (see the FAIL rows above). If the change is intended and the numbers were measured on a quiet machine, rewrite the baselines with 'benchmarks/check-regression.sh --update-baselines' and commit them.");
        return 1;
    }

    private static int CompareThroughput(List<RunResults> runs, ThroughputBaseline baseline, SortedSet<string> failedGroups)
    {
        Console.WriteLine();
        Console.WriteLine("Throughput: speed-up = (time per event of the class's baseline: Channels; CSV parsing for the backtester) / (this benchmark's), both from the same run; higher is better.");
        Console.WriteLine("| benchmark                                      |   events/s now | baseline ratio | current ratio | allowed (min)   | alloc B/event base->now | result |");
        Console.WriteLine("|------------------------------------------------|---------------:|---------------:|--------------:|----------------:|------------------------:|--------|");
        int failures = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ThroughputBaselineEntry entry in baseline.Benchmarks)
        {
            seen.Add(entry.Benchmark);
            string group = entry.Benchmark[..entry.Benchmark.IndexOf('.', StringComparison.Ordinal)];
            List<ThroughputMeasurement> measured = [.. runs.Select(r => r.Throughput.GetValueOrDefault(entry.Benchmark)).OfType<ThroughputMeasurement>()];
            if (measured.Count == 0)
            {
                Row(entry.Benchmark, "missing", Ratio(entry.SpeedupVsChannels), "-", "-", "-", "FAIL");
                Console.WriteLine($"    {entry.Benchmark} has no result: it failed or was filtered out.");
                failedGroups.Add(group);
                failures++;
                continue;
            }

            double eventsPerSecond = measured.Max(m => m.EventsPerSecond);
            long allocated = measured.Max(m => m.AllocatedBytesPerEvent);
            bool allocationFails = entry.AllocatedBytesPerEvent == 0 && allocated > 0 && IsOurs(entry.Benchmark);
            string allocation = string.Create(CultureInfo.InvariantCulture, $"{entry.AllocatedBytesPerEvent} -> {allocated}");
            if (entry.Benchmark == entry.ComparedWith || !IsOurs(entry.Benchmark))
            {
                string info = entry.Benchmark == entry.ComparedWith ? "base" : "info";
                double? speedup = entry.Benchmark == entry.ComparedWith ? 1 : BestSpeedup(runs, entry.Benchmark, entry.ComparedWith);
                Row(entry.Benchmark, EventsPerSecondColumn.Format(eventsPerSecond), Ratio(entry.SpeedupVsChannels), speedup is null ? "-" : Ratio(speedup.Value), "-", allocation, info);
                continue;
            }

            double? current = BestSpeedup(runs, entry.Benchmark, entry.ComparedWith);
            double minimum = entry.AllowedMinimum;
            bool ratioFails = current is null || current.Value < minimum;
            bool fails = ratioFails || allocationFails;
            failures += fails ? 1 : 0;
            if (fails)
            {
                failedGroups.Add(group);
            }

            Row(
                entry.Benchmark,
                EventsPerSecondColumn.Format(eventsPerSecond),
                Ratio(entry.SpeedupVsChannels),
                current is null ? "missing" : Ratio(current.Value),
                $"{Ratio(minimum)} ({Drop(minimum, entry.SpeedupVsChannels)})",
                allocation,
                fails ? "FAIL" : "PASS");
            if (allocationFails)
            {
                Console.WriteLine($"    {entry.Benchmark} allocates {allocated} B per event; its baseline allocates none. Find the allocation with the MemoryDiagnoser's report or a memory profiler.");
            }
        }

        foreach (string name in runs.SelectMany(r => r.Throughput.Keys).Distinct().Where(n => !seen.Contains(n)).Order(StringComparer.Ordinal))
        {
            Row(name, "-", "-", "-", "-", "-", "new");
            Console.WriteLine($"    {name} is not in the baseline: it is not checked until the baselines are updated (--update-baselines).");
        }

        return failures;
    }

    private static int CompareLatency(List<RunResults> runs, LatencyBaseline baseline)
    {
        Console.WriteLine();
        if (!runs.Exists(r => r.Latency is not null))
        {
            throw new InvalidDataException($"No run holds {RunLatencyFile}: run the latency harness with '--json DIR/{RunLatencyFile}'.");
        }

        Console.WriteLine("Latency: advantage = (channel percentile) / (ring percentile), both from the same run; higher is better.");
        Console.WriteLine("| check                     |    ring now | channel now | baseline ratio | current ratio | allowed (min)   | alloc B/event base->now | result |");
        Console.WriteLine("|---------------------------|------------:|------------:|---------------:|--------------:|----------------:|------------------------:|--------|");
        int failures = 0;
        foreach (LatencyBaselineEntry entry in baseline.Checks)
        {
            List<double> advantages = [];
            List<double> ringValues = [];
            List<double> channelValues = [];
            long allocated = 0;
            foreach (RunResults run in runs.Where(r => r.Latency is not null))
            {
                LatencyScenarioResult ring = run.LatencyScenario(entry.Scenario);
                LatencyScenarioResult channel = run.LatencyScenario(LatencyHarness.Channel);
                double ringValue = PercentileOf(ring, entry.Percentile);
                double channelValue = PercentileOf(channel, entry.Percentile);
                ringValues.Add(ringValue);
                channelValues.Add(channelValue);
                advantages.Add(channelValue / Math.Max(1, ringValue));
                allocated = Math.Max(allocated, (long)Math.Round(ring.AllocatedBytesPerEvent));
            }

            double current = advantages.Max();
            double minimum = entry.AllowedMinimum;
            bool allocationFails = entry.AllocatedBytesPerEvent == 0 && allocated > 0;
            bool fails = current < minimum || allocationFails;
            failures += fails ? 1 : 0;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {entry.Check,-25} | {LatencyHarness.Duration((long)ringValues.Min()),11} | {LatencyHarness.Duration((long)channelValues.Min()),11} | {Ratio(entry.AdvantageVsChannel),14} | {Ratio(current),13} | {$"{Ratio(minimum)} ({Drop(minimum, entry.AdvantageVsChannel)})",15} | {$"{entry.AllocatedBytesPerEvent} -> {allocated}",23} | {(fails ? "FAIL" : "PASS"),-6} |"));
        }

        LatencyScenarioResult yielding = runs.First(r => r.Latency is not null).LatencyScenario(LatencyHarness.RingYielding);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Issue target (absolute, not checked: machine-dependent): ring-yielding p99 < 5 us — {(yielding.P99Ns < 5_000 ? "met" : "MISSED")} (p99 {LatencyHarness.Duration(yielding.P99Ns)}, p99.9 {LatencyHarness.Duration(yielding.P999Ns)})."));
        return failures;
    }

    /// <summary>One latency baseline entry: <paramref name="scenario"/>'s percentile against the channel's, over the runs.</summary>
    private static LatencyBaselineEntry LatencyCheck(List<RunResults> runs, string scenario, double percentile)
    {
        List<double> advantages = [];
        List<double> scenarioValues = [];
        List<double> channelValues = [];
        long allocated = 0;
        foreach (RunResults run in runs)
        {
            LatencyScenarioResult measured = run.LatencyScenario(scenario);
            double value = PercentileOf(measured, percentile);
            double channelValue = PercentileOf(run.LatencyScenario(LatencyHarness.Channel), percentile);
            scenarioValues.Add(value);
            channelValues.Add(channelValue);
            advantages.Add(ToleranceRule.RoundRatio(channelValue / Math.Max(1, value)));
            allocated = Math.Max(allocated, (long)Math.Round(measured.AllocatedBytesPerEvent));
        }

        return new LatencyBaselineEntry(
            string.Create(CultureInfo.InvariantCulture, $"{scenario} p{percentile}"),
            scenario,
            percentile,
            ToleranceRule.Median(scenarioValues),
            ToleranceRule.Median(channelValues),
            ToleranceRule.RoundRatio(ToleranceRule.Median(advantages)),
            advantages,
            ToleranceRule.Spread(advantages),
            s_latencyTolerance.AllowedMinimum(advantages),
            allocated);
    }

    private static int UpdateBaselines(List<RunResults> runs, string baselines)
    {
        // The machine and date of the first run; the load average each run's latency harness saw when it started
        // (right after that run's throughput benchmarks, whose own threads it still counts).
        string loads = string.Join("; ", runs.Select((r, i) => $"run {i + 1}: {r.RequireLatency().Machine.LoadAverage}"));
        MachineInfo machine = runs[0].RequireLatency().Machine with { LoadAverage = loads };
        IReadOnlyDictionary<string, string> baselineMethods = ThroughputMeasurement.BaselineMethods();
        var entries = new List<ThroughputBaselineEntry>();
        foreach (string name in runs[0].Throughput.Keys.Order(StringComparer.Ordinal))
        {
            string type = name[..name.IndexOf('.', StringComparison.Ordinal)];
            string comparedWith = $"{type}.{baselineMethods[type]}";
            List<ThroughputMeasurement> measured = [.. runs.Select(r => r.Throughput.TryGetValue(name, out ThroughputMeasurement? m) ? m : throw new InvalidDataException($"{name} is missing from run {r.Folder}."))];
            List<double> speedups = [.. runs.Select(r => ToleranceRule.RoundRatio(BestSpeedup([r], name, comparedWith) ?? throw new InvalidDataException($"{comparedWith} is missing from run {r.Folder}.")))];
            double spread = ToleranceRule.Spread(speedups);
            entries.Add(new ThroughputBaselineEntry(
                name,
                comparedWith,
                Math.Round(ToleranceRule.Median([.. measured.Select(m => m.EventsPerSecond)])),
                Math.Round(ToleranceRule.Median([.. measured.Select(m => m.MedianNs)]), 3),
                measured.Max(m => m.AllocatedBytesPerEvent),
                ToleranceRule.RoundRatio(ToleranceRule.Median(speedups)),
                speedups,
                spread,
                name == comparedWith ? 0 : s_throughputTolerance.AllowedMinimum(speedups)));
        }

        var throughput = new ThroughputBaseline(
            "Throughput baselines of benchmarks/MiniQuantDesk.Benchmarks (ci profile), checked by benchmarks/check-regression.sh. The check compares speedupVsChannels (Channels time per event / this benchmark's, within one run), never the absolute numbers, which hold for the machine below only.",
            BenchmarkProfile.Ci,
            machine,
            runs.Count,
            s_throughputTolerance,
            entries);

        var checks = new List<LatencyBaselineEntry>();
        foreach (string scenario in s_checkedScenarios)
        {
            foreach (double percentile in s_checkedPercentiles)
            {
                checks.Add(LatencyCheck(runs, scenario, percentile));
            }
        }

        var latency = new LatencyBaseline(
            "Latency baselines (one-way, publish to handler, paced producer) of the latency harness, checked by benchmarks/check-regression.sh. The check compares advantageVsChannel (channel percentile / ring percentile, within one run); the absolute scenarios below hold for the machine below only.",
            machine,
            runs.Count,
            runs[0].LatencyScenario(LatencyHarness.RingYielding).Events,
            s_latencyTolerance,
            checks,
            TypicalLatencyRun(runs).Scenarios);

        Json.Write(Path.Combine(baselines, ThroughputFile), throughput);
        Json.Write(Path.Combine(baselines, LatencyFile), latency);
        Console.WriteLine();
        Console.WriteLine($"Baselines rewritten from {runs.Count} run(s) on {machine}:");
        Console.WriteLine("| benchmark                                      |     events/s | speed-up vs baseline (median) | per run                   | spread | allowed minimum | alloc B/event |");
        Console.WriteLine("|------------------------------------------------|-------------:|------------------------------:|---------------------------|-------:|----------------:|--------------:|");
        foreach (ThroughputBaselineEntry entry in entries)
        {
            string allowed = entry.Benchmark == entry.ComparedWith ? "-" : $"{Ratio(entry.AllowedMinimum)} ({Drop(entry.AllowedMinimum, entry.SpeedupVsChannels)})";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {entry.Benchmark,-46} | {EventsPerSecondColumn.Format(entry.EventsPerSecond),12} | {Ratio(entry.SpeedupVsChannels),29} | {string.Join(" ", entry.SpeedupRuns.Select(Ratio)),-25} | {Percent(entry.RunSpread),6} | {allowed,15} | {entry.AllocatedBytesPerEvent,13} |"));
        }

        Console.WriteLine("| latency check             |     ring |  channel | advantage (median) | per run                   | spread | allowed minimum |");
        Console.WriteLine("|---------------------------|---------:|---------:|-------------------:|---------------------------|-------:|----------------:|");
        foreach (LatencyBaselineEntry entry in checks)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {entry.Check,-25} | {LatencyHarness.Duration((long)entry.RingNs),8} | {LatencyHarness.Duration((long)entry.ChannelNs),8} | {Ratio(entry.AdvantageVsChannel),18} | {string.Join(" ", entry.AdvantageRuns.Select(Ratio)),-25} | {Percent(entry.RunSpread),6} | {$"{Ratio(entry.AllowedMinimum)} ({Drop(entry.AllowedMinimum, entry.AdvantageVsChannel)})",15} |"));
        }

        Console.WriteLine($"Written: {Path.GetFullPath(Path.Combine(baselines, ThroughputFile))} and {LatencyFile}. Review and commit them.");
        return 0;
    }

    /// <summary>The latency report of the run whose ring-yielding p99 is the median of all runs' (the lower
    /// middle one for an even count): the absolute distributions kept in the baseline file for reference.</summary>
    private static LatencyReport TypicalLatencyRun(List<RunResults> runs)
    {
        List<RunResults> ordered = [.. runs.OrderBy(r => r.LatencyScenario(LatencyHarness.RingYielding).P99Ns)];
        return ordered[(ordered.Count - 1) / 2].RequireLatency();
    }

    /// <summary>Channels time / benchmark time within one run; the best over the <paramref name="runs"/> that
    /// hold both; null when none does.</summary>
    private static double? BestSpeedup(IEnumerable<RunResults> runs, string benchmark, string comparedWith)
    {
        double? best = null;
        foreach (RunResults run in runs)
        {
            if (run.Throughput.TryGetValue(benchmark, out ThroughputMeasurement? ours) && run.Throughput.TryGetValue(comparedWith, out ThroughputMeasurement? channels))
            {
                best = Math.Max(best ?? 0, channels.MedianNs / ours.MedianNs);
            }
        }

        return best;
    }

    /// <summary>True for a benchmark of our code, which the check judges against its class's baseline; false for
    /// the extra .NET comparisons that are printed for information only. (Each class's baseline row is told apart
    /// by its own name, so a new class — the engine's, the backtester's — is judged without being listed here.)</summary>
    private static bool IsOurs(string benchmark) => !s_informationOnly.Contains(benchmark);

    private static double PercentileOf(LatencyScenarioResult result, double percentile) => percentile switch
    {
        50 => result.P50Ns,
        90 => result.P90Ns,
        99 => result.P99Ns,
        99.9 => result.P999Ns,
        _ => throw new InvalidDataException($"Percentile {percentile} is not in the latency results (50, 90, 99, 99.9 are)."),
    };

    /// <summary>A ratio for the tables: two decimals, or three significant digits below 1 (e.g. <c>0.0175x</c>).</summary>
    private static string Ratio(double value) =>
        (value is > 0 and < 1 ? value.ToString("G3", CultureInfo.InvariantCulture) : value.ToString("F2", CultureInfo.InvariantCulture)) + "x";

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:F0}%");

    /// <summary>How far <paramref name="minimum"/> is below <paramref name="baseline"/>, e.g. <c>-42%</c>.</summary>
    private static string Drop(double minimum, double baseline) =>
        string.Create(CultureInfo.InvariantCulture, $"-{(1 - (minimum / baseline)) * 100:F0}%");

    private static void Row(string name, string eventsPerSecond, string baseline, string current, string allowed, string allocation, string result) =>
        Console.WriteLine($"| {name,-46} | {eventsPerSecond,14} | {baseline,14} | {current,13} | {allowed,15} | {allocation,23} | {result,-6} |");

    /// <summary>What one run folder holds: throughput reports, latency results, or both (a retry run may hold
    /// only what it re-measured).</summary>
    private sealed record RunResults(string Folder, IReadOnlyDictionary<string, ThroughputMeasurement> Throughput, LatencyReport? Latency)
    {
        public static RunResults Read(string folder)
        {
            string throughputFolder = Path.Combine(folder, RunThroughputFolder);
            string latencyPath = Path.Combine(folder, RunLatencyFile);
            if (!Directory.Exists(throughputFolder) && !File.Exists(latencyPath))
            {
                throw new InvalidDataException($"{folder}: neither {RunThroughputFolder}/ (BenchmarkDotNet artifacts) nor {RunLatencyFile} (latency harness) is there.");
            }

            Dictionary<string, ThroughputMeasurement> throughput = Directory.Exists(throughputFolder)
                ? ThroughputMeasurement.ReadAll(throughputFolder).ToDictionary(m => m.Name, StringComparer.Ordinal)
                : [];
            return new RunResults(folder, throughput, File.Exists(latencyPath) ? Json.Read<LatencyReport>(latencyPath) : null);
        }

        public LatencyReport RequireLatency() =>
            Latency ?? throw new InvalidDataException($"{Path.Combine(Folder, RunLatencyFile)} is missing: run 'latency --json {Path.Combine(Folder, RunLatencyFile)}' first.");

        public LatencyScenarioResult LatencyScenario(string name) =>
            RequireLatency().Scenarios.FirstOrDefault(s => s.Name == name)
                ?? throw new InvalidDataException($"{Path.Combine(Folder, RunLatencyFile)} has no '{name}' scenario.");
    }
}
