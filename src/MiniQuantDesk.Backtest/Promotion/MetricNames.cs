namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>The keys of <c>metrics.json</c> that promotion reads.</summary>
public static class MetricNames
{
    /// <summary>Annualized Sharpe ratio.</summary>
    public const string Sharpe = "sharpe";

    /// <summary>Largest peak-to-trough loss of equity, as a fraction (0.25 = 25%).</summary>
    public const string MaxDrawdown = "max_drawdown";

    /// <summary>Closed round-trip trades.</summary>
    public const string TradeCount = "trade_count";

    /// <summary>Gross profit over gross loss; absent when there was no loss (+infinity).</summary>
    public const string ProfitFactor = "profit_factor";

    /// <summary>Final equity over initial equity, minus one.</summary>
    public const string TotalReturn = "total_return";

    /// <summary>Equity at the end of the run.</summary>
    public const string FinalEquity = "final_equity";
}
