using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MiniQuantDesk.Benchmarks.Backtest;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Benchmarks.Latency;
using MiniQuantDesk.Benchmarks.Regression;

namespace MiniQuantDesk.Benchmarks;

/// <summary>The benchmark program: BenchmarkDotNet throughput suites, the latency harness and the regression check.</summary>
public static class Program
{
    private const string Usage = """
        MiniQuantDesk benchmarks: the ring, the trading core and the backtester

        Usage (from the repository root):
          dotnet run -c Release --project benchmarks/MiniQuantDesk.Benchmarks -- [--profile ci|full] [BenchmarkDotNet options]
              Throughput benchmarks (BenchmarkDotNet). Without --filter, an interactive console shows a menu and a
              redirected one runs everything. Examples:
                --filter '*'                      every throughput benchmark
                --filter '*OneToOne*'             1 producer -> 1 consumer only
                --filter '*BacktestThroughput*'   the backtester per bar: end to end (daily, minute) and the engine alone
                --list flat                       list the benchmarks
                --artifacts DIR                   where reports go (JSON, CSV, markdown under DIR/results)
              --profile ci     short fixed job (1 launch, 2 warm-up, 5 x 250 ms iterations) for the regression check
              --profile full   BenchmarkDotNet's default job (the default; also set by MQD_BENCH_PROFILE=ci|full)
              --bdn-help       BenchmarkDotNet's own options

          dotnet run -c Release --project benchmarks/MiniQuantDesk.Benchmarks -- latency [--events N] [--warmup N] [--gap-ns N] [--json FILE]
              One-way latency publish -> handler, p50/p90/p99/p99.9/max, ring (yielding, busy-spin) and Channel<long>
              in the same run. Defaults: 1,000,000 events, 100,000 warm-up, no gap, artifacts/latency/latency.json.

          dotnet run -c Release --project benchmarks/MiniQuantDesk.Benchmarks -- backtest-timing [--repetitions N]
              Wall-clock times (Stopwatch; 1 warm-up, then N runs, default 5) of the ten-year daily job and the
              minute-year job end to end and of the engine on pre-parsed minute bars, against the targets: daily
              < 1 s, minute year < 2 s, engine >= 5,000,000 bars/s. Absolute, this machine only; not part of the check.

          dotnet run -c Release --project benchmarks/MiniQuantDesk.Benchmarks -- check --run DIR [--run DIR ...] [--baselines DIR] [--update-baselines]
              Compares run folders (DIR/throughput: BenchmarkDotNet artifacts of the ci profile; DIR/latency.json)
              with perf-baselines/ (ratios against Channels of the same run; 0 B/event stays 0); exit 1 on a
              regression. --update-baselines rewrites the baselines from the runs instead.
              benchmarks/check-regression.sh runs all of this in one go.
        """;

    /// <summary>Runs the mode named by the first argument; see <c>--help</c>.</summary>
    /// <returns>0 on success, 1 when a benchmark failed or a regression was found, 2 on unusable input.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return args.FirstOrDefault() switch
            {
                "--help" or "-h" or "help" => PrintUsage(),
                "latency" => LatencyHarness.Run(args[1..]),
                "backtest-timing" => BacktestTiming.Run(args[1..]),
                "check" => RegressionCheck.Run(args[1..]),
                _ => RunBenchmarks(args),
            };
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            Console.Error.WriteLine("Run with --help for the modes and options.");
            return 2;
        }
    }

    private static int PrintUsage()
    {
        Console.WriteLine(Usage);
        return 0;
    }

    private static int RunBenchmarks(string[] args)
    {
        string profile = Environment.GetEnvironmentVariable(BenchmarkProfile.EnvironmentVariable) ?? BenchmarkProfile.Full;
        var rest = new List<string>();
        for (int index = 0; index < args.Length; index++)
        {
            switch (args[index])
            {
                case "--profile" when index + 1 < args.Length:
                    profile = args[++index];
                    break;
                case "--profile":
                    throw new ArgumentException("--profile needs a value: ci or full.");
                case "--bdn-help":
                    rest.Add("--help");
                    break;
                default:
                    rest.Add(args[index]);
                    break;
            }
        }

        bool selects = rest.Exists(a => a is "--filter" or "-f" or "--list" or "--help" or "--allCategories" or "--anyCategories");
        if (!selects && Console.IsInputRedirected)
        {
            rest.AddRange(["--filter", "*"]);
        }

        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], BenchmarkProfile.Create(profile));
        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        if (failed)
        {
            Console.Error.WriteLine("error: at least one benchmark failed to build or run; see the log above.");
        }

        return failed ? 1 : 0;
    }
}
