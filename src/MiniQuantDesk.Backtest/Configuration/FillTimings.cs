namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>The fill timings a run accepts, as they are written in configuration.</summary>
public static class FillTimings
{
    /// <summary>An order decided on bar t's close fills at bar t+1's open: the conservative default.</summary>
    public const string NextBarOpen = "next-bar-open";

    /// <summary>An order fills at the close of the bar that decided it; only when asked for explicitly.</summary>
    public const string SameBarClose = "same-bar-close";

    /// <summary>Every accepted value, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = [NextBarOpen, SameBarClose];

    /// <summary>True for a value the venue understands.</summary>
    public static bool IsKnown(string? value) => value is NextBarOpen or SameBarClose;
}
