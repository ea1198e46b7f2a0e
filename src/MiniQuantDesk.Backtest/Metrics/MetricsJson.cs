using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Metrics;

/// <summary>
/// Writes <c>metrics.json</c>: canonical JSON (<see cref="CanonicalJson"/>), snake_case keys in sorted order, money
/// as exact decimal numbers, ratios rounded to 6 decimals, <c>profit_factor</c> null when there were no losses.
/// </summary>
public static class MetricsJson
{
    /// <summary>Writes the metrics to <paramref name="path"/>.</summary>
    public static void Write(BacktestMetrics metrics, string path) => ArtifactFile.WriteText(path, ToText(metrics));

    /// <summary>The text of <c>metrics.json</c>, ending in <c>\n</c>.</summary>
    public static string ToText(BacktestMetrics metrics) => CanonicalJson.Serialize(ToJson(metrics));

    /// <summary>The metrics as a JSON object (for embedding, e.g. in a stress summary).</summary>
    public static JsonObject ToJson(BacktestMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new JsonObject
        {
            ["bars"] = metrics.Bars,
            ["cagr"] = CanonicalJson.Ratio(metrics.Cagr),
            ["exposure"] = CanonicalJson.Ratio(metrics.Exposure),
            ["final_equity"] = CanonicalJson.Money(metrics.FinalEquityMicros),
            ["initial_cash"] = CanonicalJson.Money(metrics.InitialCashMicros),
            ["max_drawdown"] = CanonicalJson.Ratio(metrics.MaxDrawdown),
            ["max_drawdown_duration_days"] = metrics.MaxDrawdownDurationDays,
            ["profit_factor"] = metrics.ProfitFactor is double factor ? CanonicalJson.Ratio(factor) : null,
            ["sharpe"] = CanonicalJson.Ratio(metrics.Sharpe),
            ["sortino"] = CanonicalJson.Ratio(metrics.Sortino),
            ["total_fees"] = CanonicalJson.Money(metrics.TotalFeesMicros),
            ["total_return"] = CanonicalJson.Ratio(metrics.TotalReturn),
            ["trade_count"] = metrics.TradeCount,
            ["turnover"] = CanonicalJson.Ratio(metrics.Turnover),
            ["win_rate"] = CanonicalJson.Ratio(metrics.WinRate),
        };
    }
}
