using System.Globalization;
using System.Text;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Metrics;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Reporting;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS and SVG; no script, no link, no external URL) with
/// the title, the run's description, the metrics, the equity and drawdown charts, the stress table when there is one,
/// and the trade list (the first <see cref="MaxTradeRows"/> round trips, with a note when there are more). Metric
/// values are shown exactly as <c>metrics.json</c> writes them. The bytes depend only on the model.
/// </summary>
public static class ReportWriter
{
    /// <summary>The most round trips listed; <c>trades.csv</c> always has them all.</summary>
    public const int MaxTradeRows = 1000;

    /// <summary>Writes the report for <paramref name="model"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, ReportModel model) => ArtifactFile.WriteText(path, ToHtml(model));

    /// <summary>The report's HTML text.</summary>
    public static string ToHtml(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string heading = $"{model.Title}: {model.Strategy} on {string.Join(", ", model.Symbols)}";
        StringBuilder html = new();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(HtmlText.Encode(heading)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n")
            .Append("table{border-collapse:collapse;margin:1em 0}\n")
            .Append("th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}\n")
            .Append("th:first-child,td:first-child{text-align:left}\n")
            .Append("figure{margin:1em 0}\n")
            .Append("</style>\n</head>\n<body>\n<h1>").Append(HtmlText.Encode(heading)).Append("</h1>\n");

        AppendRun(html, model.Run);
        AppendMetrics(html, model.Metrics);
        AppendCharts(html, model.Equity);
        AppendStress(html, model.Stress);
        AppendTrades(html, model.RoundTrips);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendRun(StringBuilder html, IReadOnlyList<KeyValuePair<string, string>> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        html.Append("<h2>Run</h2>\n<table>\n");
        foreach (KeyValuePair<string, string> line in run)
        {
            Row(html, "td", line.Key, line.Value);
        }

        html.Append("</table>\n");
    }

    private static void AppendMetrics(StringBuilder html, BacktestMetrics metrics)
    {
        html.Append("<h2>Metrics</h2>\n<table>\n");
        foreach (KeyValuePair<string, System.Text.Json.Nodes.JsonNode?> metric in SortedMetrics(metrics))
        {
            Row(html, "td", metric.Key, metric.Value is null ? "n/a" : CanonicalJson.SerializeLine(metric.Value));
        }

        html.Append("</table>\n");
    }

    private static List<KeyValuePair<string, System.Text.Json.Nodes.JsonNode?>> SortedMetrics(BacktestMetrics metrics)
    {
        List<KeyValuePair<string, System.Text.Json.Nodes.JsonNode?>> rows = [.. MetricsJson.ToJson(metrics)];
        rows.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        return rows;
    }

    private static void AppendCharts(StringBuilder html, IReadOnlyList<EquityPoint> equity)
    {
        long[] times = new long[equity.Count];
        double[] values = new double[equity.Count];
        double[] drawdowns = new double[equity.Count];
        long[] drawdownMillionths = DrawdownSeries.Millionths(equity);
        for (int i = 0; i < equity.Count; i++)
        {
            times[i] = equity[i].TimeNs;
            values[i] = (double)equity[i].EquityMicros / Micros.PerUnit;
            // Negated as a whole number first, so that no drawdown is shown as "-0.00%".
            drawdowns[i] = (double)-drawdownMillionths[i] / DrawdownSeries.PerUnit;
        }

        html.Append("<h2>Equity and drawdown</h2>\n");
        SvgLineChart.Append(html, "Equity", times, values, "#1f5fa8", value => value.ToString("#,0.00", CultureInfo.InvariantCulture));
        SvgLineChart.Append(html, "Drawdown", times, drawdowns, "#b03030", value => value.ToString("0.00%", CultureInfo.InvariantCulture));
    }

    private static void AppendStress(StringBuilder html, IReadOnlyList<StressResult> stress)
    {
        if (stress.Count == 0)
        {
            return;
        }

        html.Append("<h2>Stress</h2>\n<table>\n");
        Row(html, "th", "profile", "final_equity", "total_return", "cagr", "sharpe", "max_drawdown", "trade_count", "total_fees");
        foreach (StressResult result in stress)
        {
            BacktestMetrics m = result.Metrics;
            Row(
                html,
                "td",
                result.Profile,
                DecimalText.FormatMicros(m.FinalEquityMicros),
                CanonicalJson.RatioText(m.TotalReturn),
                CanonicalJson.RatioText(m.Cagr),
                CanonicalJson.RatioText(m.Sharpe),
                CanonicalJson.RatioText(m.MaxDrawdown),
                m.TradeCount.ToString(CultureInfo.InvariantCulture),
                DecimalText.FormatMicros(m.TotalFeesMicros));
        }

        html.Append("</table>\n");
    }

    private static void AppendTrades(StringBuilder html, IReadOnlyList<RoundTrip> roundTrips)
    {
        html.Append("<h2>Trades</h2>\n");
        if (roundTrips.Count > MaxTradeRows)
        {
            html.Append("<p>Showing the first ")
                .Append(MaxTradeRows.ToString("N0", CultureInfo.InvariantCulture)).Append(" of ")
                .Append(roundTrips.Count.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" round trips; trades.csv lists them all.</p>\n");
        }

        html.Append("<table>\n");
        Row(html, "th", "symbol", "direction", "entry_time", "entry_price", "exit_time", "exit_price", "qty", "fees", "pnl");
        int rows = Math.Min(roundTrips.Count, MaxTradeRows);
        for (int i = 0; i < rows; i++)
        {
            RoundTrip trip = roundTrips[i];
            Row(
                html,
                "td",
                trip.Symbol,
                trip.Direction == Side.Sell ? "short" : "long",
                ArtifactTime.Format(trip.EntryTimeNs),
                DecimalText.FormatMicros(trip.EntryPriceMicros),
                ArtifactTime.Format(trip.ExitTimeNs),
                DecimalText.FormatMicros(trip.ExitPriceMicros),
                trip.Quantity.ToString(CultureInfo.InvariantCulture),
                DecimalText.FormatMicros(trip.FeesMicros),
                ArtifactCsv.PnlText(trip.PnlMicros));
        }

        html.Append("</table>\n");
    }

    private static void Row(StringBuilder html, string cell, params string[] values)
    {
        html.Append("<tr>");
        foreach (string value in values)
        {
            html.Append('<').Append(cell).Append('>').Append(HtmlText.Encode(value)).Append("</").Append(cell).Append('>');
        }

        html.Append("</tr>\n");
    }
}
