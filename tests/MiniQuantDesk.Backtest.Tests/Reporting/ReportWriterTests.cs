using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Metrics;
using MiniQuantDesk.Backtest.Reporting;
using MiniQuantDesk.Backtest.Tests.Artifacts;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Tests.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private const long Dollar = 1_000_000;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ReportModel Model(int roundTrips = 3, int points = 30)
    {
        List<EquityPoint> equity = [];
        for (int i = 0; i < points; i++)
        {
            long value = (100 + (i % 7) - (i % 3)) * Dollar;
            equity.Add(new EquityPoint(NewYork.WinterClose(2024, 1, 1) + (i * 86_400_000_000_000L), value, value, i % 2 == 0 ? 0 : Dollar));
        }

        List<RoundTrip> trips = [];
        for (int i = 0; i < roundTrips; i++)
        {
            trips.Add(new RoundTrip("SPY", i % 2 == 0 ? Side.Buy : Side.Sell, equity[0].TimeNs, 100 * Dollar, equity[^1].TimeNs, 101 * Dollar, 1, (i - 1) * Dollar, 0));
        }

        List<FillRecord> fills = [];
        BacktestMetrics metrics = MetricsCalculator.Compute(equity, trips, fills, 100 * Dollar);
        return new ReportModel(
            "Backtest",
            "sma_cross",
            ["SPY", "QQQ"],
            [new("data", "SPY_1d.csv, QQQ_1d.csv"), new("config_sha256", "abc<def>")],
            metrics,
            equity,
            trips,
            [new StressResult("slippage_x2", metrics with { TotalReturn = -0.01 })]);
    }

    [Fact]
    public void The_report_is_self_contained_with_inline_svg_charts_and_no_external_reference()
    {
        string html = ReportWriter.ToHtml(Model());

        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, CountOf(html, "<svg"));
        Assert.Equal(2, CountOf(html, "<polyline"));
    }

    [Fact]
    public void The_title_names_the_strategy_and_the_symbols()
    {
        Assert.Contains("<title>Backtest: sma_cross on SPY, QQQ</title>", ReportWriter.ToHtml(Model()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_the_run_the_metrics_the_stress_table_and_escapes_text()
    {
        string html = ReportWriter.ToHtml(Model());

        Assert.Contains("<tr><td>config_sha256</td><td>abc&lt;def&gt;</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>trade_count</td><td>3</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>slippage_x2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>-0.01</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_at_its_peak_shows_a_drawdown_of_zero_never_minus_zero()
    {
        string html = ReportWriter.ToHtml(Model());

        Assert.Contains(">0.00%</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("-0.00%", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trade_list_is_capped_at_the_first_thousand_rows_with_a_note()
    {
        string html = ReportWriter.ToHtml(Model(roundTrips: 1_005));

        Assert.Contains("Showing the first 1,000 of 1,005 round trips; trades.csv lists them all.", html, StringComparison.Ordinal);
        Assert.Equal(1_000, CountOf(html, "<td>SPY</td>"));
    }

    [Fact]
    public void A_long_equity_curve_is_drawn_with_at_most_two_thousand_points()
    {
        string html = ReportWriter.ToHtml(Model(points: 10_000));

        int start = html.IndexOf("points=\"", StringComparison.Ordinal) + "points=\"".Length;
        string points = html[start..html.IndexOf('"', start)];
        Assert.InRange(points.Split(' ').Length, 1_000, SvgPointsLimit);
    }

    [Fact]
    public void Writing_the_same_report_twice_gives_identical_bytes()
    {
        ReportWriter.Write(_folder.File("a.html"), Model());
        ReportWriter.Write(_folder.File("b.html"), Model());

        Assert.Equal(File.ReadAllBytes(_folder.File("a.html")), File.ReadAllBytes(_folder.File("b.html")));
    }

    private const int SvgPointsLimit = 2_000;

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
