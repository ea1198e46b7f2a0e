using MiniQuantDesk.Benchmarks.Infrastructure;

namespace MiniQuantDesk.Benchmarks.Regression;

/// <summary>perf-baselines/throughput.json: the throughput results the regression check compares against.</summary>
/// <param name="About">What the file is and how to read it.</param>
/// <param name="Profile">The benchmark profile the numbers come from.</param>
/// <param name="Machine">Where they were measured (absolute numbers are only meaningful there).</param>
/// <param name="Runs">How many runs of the profile the medians and spreads are taken over.</param>
/// <param name="Tolerance">How far a ratio may drop before the check fails.</param>
/// <param name="Benchmarks">One entry per benchmark.</param>
public sealed record ThroughputBaseline(
    string About,
    string Profile,
    MachineInfo Machine,
    int Runs,
    ToleranceRule Tolerance,
    IReadOnlyList<ThroughputBaselineEntry> Benchmarks);

/// <summary>One benchmark in <see cref="ThroughputBaseline"/>.</summary>
/// <param name="Benchmark"><c>Class.Method</c>.</param>
/// <param name="ComparedWith">The Channels baseline of the same class (<c>Class.Method</c>); itself for the baseline row.</param>
/// <param name="EventsPerSecond">Median over the runs of the events per second (absolute; this machine only).</param>
/// <param name="NanosecondsPerEvent">Median over the runs of the median time per event.</param>
/// <param name="AllocatedBytesPerEvent">The largest over the runs; 0 must stay 0.</param>
/// <param name="SpeedupVsChannels">Median over the runs of (Channels time per event) / (this benchmark's), each
/// ratio taken within one run. 1 for the baseline row.</param>
/// <param name="SpeedupRuns">That ratio in each run.</param>
/// <param name="RunSpread">(max − min) / median of <see cref="SpeedupRuns"/>.</param>
/// <param name="AllowedMinimum">The lowest ratio that passes (see <see cref="ToleranceRule"/>); 0 for the baseline row.</param>
public sealed record ThroughputBaselineEntry(
    string Benchmark,
    string ComparedWith,
    double EventsPerSecond,
    double NanosecondsPerEvent,
    long AllocatedBytesPerEvent,
    double SpeedupVsChannels,
    IReadOnlyList<double> SpeedupRuns,
    double RunSpread,
    double AllowedMinimum);
