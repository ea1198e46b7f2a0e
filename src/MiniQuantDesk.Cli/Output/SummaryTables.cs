using System.Globalization;
using MiniQuantDesk.Backtest.Metrics;
using MiniQuantDesk.Backtest.Promotion;
using MiniQuantDesk.Backtest.Reporting;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Engine.Numerics;
using Spectre.Console;

namespace MiniQuantDesk.Cli.Output;

/// <summary>The tables <c>mqd</c> prints at the end of a run: the metrics, the stress suite side by side, the
/// promotion checks.</summary>
internal static class SummaryTables
{
    /// <summary>The baseline's metrics and, with a stress suite, every profile beside it.</summary>
    public static Table Metrics(BacktestJobResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("backtest summary");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("baseline").RightAligned());
        foreach (StressResult stress in result.Stress)
        {
            table.AddColumn(new TableColumn(Markup.Escape(stress.Profile)).RightAligned());
        }

        IReadOnlyList<BacktestMetrics> all = [result.Metrics, .. result.Stress.Select(s => s.Metrics)];
        Row(table, "final equity", all, m => DecimalText.FormatMicros(m.FinalEquityMicros));
        Row(table, "total return", all, m => Percent(m.TotalReturn));
        Row(table, "CAGR", all, m => Percent(m.Cagr));
        Row(table, "Sharpe (daily, annualised)", all, m => Number(m.Sharpe));
        Row(table, "Sortino", all, m => Number(m.Sortino));
        Row(table, "max drawdown", all, m => Percent(m.MaxDrawdown));
        Row(table, "max drawdown duration", all, m => string.Create(CultureInfo.InvariantCulture, $"{m.MaxDrawdownDurationDays} days"));
        Row(table, "round trips", all, m => m.TradeCount.ToString(CultureInfo.InvariantCulture));
        Row(table, "win rate", all, m => Percent(m.WinRate));
        Row(table, "profit factor", all, m => m.ProfitFactor is { } pf ? Number(pf) : "no losses");
        Row(table, "exposure", all, m => Percent(m.Exposure));
        Row(table, "turnover", all, m => Number(m.Turnover));
        Row(table, "fees", all, m => DecimalText.FormatMicros(m.TotalFeesMicros));
        if (result.Stress.Count > 0)
        {
            Row(table, "return vs baseline", all, m => Percent(m.TotalReturn - result.Metrics.TotalReturn));
        }

        return table;
    }

    /// <summary>Every promotion check with its evidence.</summary>
    public static Table Promotion(PromotionResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(result.Passed ? "promotion: PASSED" : "promotion: REFUSED");
        table.AddColumn("check");
        table.AddColumn("result");
        table.AddColumn("threshold");
        table.AddColumn("evidence");
        foreach (PromotionCheck check in result.Checks)
        {
            table.AddRow(
                Markup.Escape(check.Name),
                check.Passed ? "[green]pass[/]" : "[red]FAIL[/]",
                Markup.Escape(check.Threshold),
                Markup.Escape(check.Evidence));
        }

        return table;
    }

    private static void Row(Table table, string name, IReadOnlyList<BacktestMetrics> metrics, Func<BacktestMetrics, string> value) =>
        table.AddRow([name, .. metrics.Select(m => Markup.Escape(value(m)))]);

    private static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
