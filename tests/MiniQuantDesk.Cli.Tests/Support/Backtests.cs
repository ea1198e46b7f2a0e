using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Workflow;

namespace MiniQuantDesk.Cli.Tests.Support;

/// <summary>Runs the main job through the Workflow API, resolving settings the way <c>mqd backtest</c> does.</summary>
internal static class Backtests
{
    /// <summary>The completed settings of a run over <paramref name="data"/>.</summary>
    public static BacktestSettings Settings(
        string data,
        string? actions = null,
        CorporateActionsMode? mode = null,
        IReadOnlyDictionary<string, long>? parameters = null,
        long? initialCashMicros = null) =>
        BacktestJob.Complete(SettingsResolver.Resolve(
            null,
            new SettingsOverlay
            {
                DataFiles = [data],
                CorporateActionsFile = actions,
                CorporateActionsMode = mode,
                Parameters = parameters,
                InitialCashMicros = initialCashMicros,
            },
            null));

    /// <summary>The sample daily bars with the split applied: the run most tests start from.</summary>
    public static BacktestSettings SampleDaily(SampleDataFixture sample, IReadOnlyDictionary<string, long>? parameters = null) =>
        Settings(sample.Daily, sample.Actions, CorporateActionsMode.Apply, parameters);

    /// <summary>Runs <paramref name="settings"/> into <paramref name="directory"/>.</summary>
    public static BacktestJobResult Run(BacktestSettings settings, string directory, IReadOnlyList<StressProfile>? stress = null) =>
        BacktestJob.Run(settings, directory, stress ?? [], null);
}
