namespace MiniQuantDesk.Backtest;

/// <summary>Marks the backtest assembly (for reflection in tests).</summary>
public static class BacktestAssembly
{
}
