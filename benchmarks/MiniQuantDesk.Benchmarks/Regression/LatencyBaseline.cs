using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Benchmarks.Latency;

namespace MiniQuantDesk.Benchmarks.Regression;

/// <summary>perf-baselines/latency.json: the latency results the regression check compares against.</summary>
/// <param name="About">What the file is and how to read it.</param>
/// <param name="Machine">Where they were measured.</param>
/// <param name="Runs">How many runs of the harness the medians and spreads are taken over.</param>
/// <param name="EventsPerRun">Measured events per scenario and run.</param>
/// <param name="Tolerance">How far a ratio may drop before the check fails.</param>
/// <param name="Checks">The ratios that are checked.</param>
/// <param name="Scenarios">Absolute distributions of the run with the median ring-yielding p99, for reference
/// (this machine only).</param>
public sealed record LatencyBaseline(
    string About,
    MachineInfo Machine,
    int Runs,
    long EventsPerRun,
    ToleranceRule Tolerance,
    IReadOnlyList<LatencyBaselineEntry> Checks,
    IReadOnlyList<LatencyScenarioResult> Scenarios);

/// <summary>One checked latency ratio: how many times lower the ring's percentile is than the channel's.</summary>
/// <param name="Check">E.g. <c>ring-yielding p99</c>.</param>
/// <param name="Scenario">The ring scenario.</param>
/// <param name="Percentile">50, 99, ...</param>
/// <param name="RingNs">Median over the runs of the ring's percentile.</param>
/// <param name="ChannelNs">Median over the runs of the channel's percentile.</param>
/// <param name="AdvantageVsChannel">Median over the runs of channel percentile / ring percentile, each within one run.</param>
/// <param name="AdvantageRuns">That ratio in each run.</param>
/// <param name="RunSpread">(max − min) / median of <see cref="AdvantageRuns"/>.</param>
/// <param name="AllowedMinimum">The lowest ratio that passes (see <see cref="ToleranceRule"/>).</param>
/// <param name="AllocatedBytesPerEvent">The ring scenario's allocation per event, rounded to whole bytes; 0 must stay 0.</param>
public sealed record LatencyBaselineEntry(
    string Check,
    string Scenario,
    double Percentile,
    double RingNs,
    double ChannelNs,
    double AdvantageVsChannel,
    IReadOnlyList<double> AdvantageRuns,
    double RunSpread,
    double AllowedMinimum,
    long AllocatedBytesPerEvent);
