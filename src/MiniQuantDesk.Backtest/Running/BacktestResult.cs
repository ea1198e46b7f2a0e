using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Running;

/// <summary>What a backtest run produced: orders, fills, the equity curve, the event log and how it ended.</summary>
public sealed record BacktestResult
{
    /// <summary>Every order the gateway decided on, with its final state.</summary>
    public required IReadOnlyList<OrderRecord> Orders { get; init; }

    /// <summary>Every fill the venue reported, in order.</summary>
    public required IReadOnlyList<FillRecord> Fills { get; init; }

    /// <summary>Equity after each bar time.</summary>
    public required IReadOnlyList<EquityPoint> Equity { get; init; }

    /// <summary>Decisions, acks, fills, halts and stops, in order.</summary>
    public required IReadOnlyList<RunEvent> Events { get; init; }

    /// <summary>Bars in the input.</summary>
    public required long Bars { get; init; }

    /// <summary>Bars the run went through (fewer when it stopped early).</summary>
    public required long BarsProcessed { get; init; }

    /// <summary>Cash at the start.</summary>
    public required Money InitialCash { get; init; }

    /// <summary>Equity at the end, positions marked at their last close.</summary>
    public required Money FinalEquity { get; init; }

    /// <summary>The engine's sticky halt, in words, or null when it never halted.</summary>
    public string? Halt { get; init; }

    /// <summary>The splits the engine applied, in order (round trips put their open lots on the new basis).</summary>
    public IReadOnlyList<SplitRecord> Splits { get; init; } = [];

    /// <summary>Why the run stopped before the end of the data, or null.</summary>
    public string? Stopped { get; init; }
}
