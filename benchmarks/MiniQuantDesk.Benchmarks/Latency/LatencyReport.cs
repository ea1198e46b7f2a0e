using MiniQuantDesk.Benchmarks.Infrastructure;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>What one run of the latency harness wrote: where, how, and each scenario's distribution.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="WarmupEvents">Events published before measuring, per scenario.</param>
/// <param name="GapNanoseconds">The producer's pause after each event was handled.</param>
/// <param name="Scenarios">The results, ring and channel baseline side by side.</param>
public sealed record LatencyReport(MachineInfo Machine, long WarmupEvents, long GapNanoseconds, IReadOnlyList<LatencyScenarioResult> Scenarios);
