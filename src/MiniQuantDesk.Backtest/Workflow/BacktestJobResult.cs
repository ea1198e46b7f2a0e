using MiniQuantDesk.Backtest.Metrics;
using MiniQuantDesk.Backtest.Reporting;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>What <see cref="BacktestJob"/> did: the baseline's metrics, each stress profile's, and where it all is.</summary>
public sealed record BacktestJobResult
{
    /// <summary>The artifact folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The baseline run's metrics.</summary>
    public required BacktestMetrics Metrics { get; init; }

    /// <summary>Each stress profile's metrics, in the catalog's order (empty without --stress).</summary>
    public required IReadOnlyList<StressResult> Stress { get; init; }

    /// <summary>Bars in the input, and bars the baseline went through.</summary>
    public required long Bars { get; init; }

    /// <summary>Bars the baseline run went through.</summary>
    public required long BarsProcessed { get; init; }

    /// <summary>Rows skipped with --skip-bad-rows, over every file.</summary>
    public required int SkippedRows { get; init; }

    /// <summary>The engine's halt in words, or null.</summary>
    public string? Halt { get; init; }

    /// <summary>Why the run stopped early, or null.</summary>
    public string? Stopped { get; init; }

    /// <summary>What was done with corporate actions.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The SHA-256 of config.json.</summary>
    public required string ConfigSha256 { get; init; }
}
