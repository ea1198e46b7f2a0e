namespace MiniQuantDesk.Backtest.Data;

/// <summary>A bad row that was skipped because the user asked to (<c>--skip-bad-rows</c>); listed in the artifacts.</summary>
/// <param name="Line">The 1-based line; the header is line 1.</param>
/// <param name="Text">The row as written (without its line break).</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record SkippedRow(int Line, string Text, string Reason);
