using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>One stress run: the profile's name and the settings it resolved to (the baseline with the profile on
/// top), which stress.json records so that a run re-runs exactly, whatever folder its profiles came from.</summary>
/// <param name="Name">The profile's name.</param>
/// <param name="Settings">The resolved settings of the stressed run.</param>
public sealed record StressRun(string Name, BacktestSettings Settings);
