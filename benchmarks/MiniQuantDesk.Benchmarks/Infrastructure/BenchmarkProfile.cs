using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;

using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>
/// The two ways to run the throughput benchmarks. <c>full</c> is BenchmarkDotNet's default job (as many
/// iterations as its statistics ask for); <c>ci</c> is short and fixed — 1 launch, 2 warm-up and 5 measured
/// iterations of about 250 ms — for the regression check. Both export JSON (brief) and CSV for the check, and
/// GitHub markdown for people.
/// </summary>
public static class BenchmarkProfile
{
    /// <summary>The environment variable that selects the profile when <c>--profile</c> is not given.</summary>
    public const string EnvironmentVariable = "MQD_BENCH_PROFILE";

    /// <summary>The short profile's name.</summary>
    public const string Ci = "ci";

    /// <summary>The default profile's name.</summary>
    public const string Full = "full";

    /// <summary>The job of the short profile.</summary>
    public static Job CiJob { get; } = Job.Default
        .WithId(Ci)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(5)
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .WithEvaluateOverhead(false);

    /// <summary>The job of the default profile.</summary>
    public static Job FullJob { get; } = Job.Default
        .WithId(Full)
        .WithEvaluateOverhead(false);

    /// <summary>Builds the configuration for <paramref name="profile"/> (<c>ci</c> or <c>full</c>).</summary>
    /// <exception cref="ArgumentException">The profile is neither.</exception>
    public static IConfig Create(string profile)
    {
        Job job = profile switch
        {
            Ci => CiJob,
            Full => FullJob,
            _ => throw new ArgumentException($"Unknown benchmark profile '{profile}': use '{Ci}' (short, for the regression check) or '{Full}'.", nameof(profile)),
        };

        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(EventsPerSecondColumn.Instance)
            .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddExporter(JsonExporter.Brief, CsvExporter.Default, MarkdownExporter.GitHub)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40))
            .WithOptions(ConfigOptions.StopOnFirstError);
    }
}
