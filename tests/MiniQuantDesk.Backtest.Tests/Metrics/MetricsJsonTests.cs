using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Metrics;
using MiniQuantDesk.Backtest.Tests.Artifacts;

namespace MiniQuantDesk.Backtest.Tests.Metrics;

public sealed class MetricsJsonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly BacktestMetrics s_metrics = new(
        InitialCashMicros: 100_000_000_000,
        FinalEquityMicros: 117_622_700_000,
        TotalReturn: 0.176227,
        Cagr: 0.0412345678,
        Sharpe: 1.23456789,
        Sortino: 2.5,
        MaxDrawdown: 0.08,
        MaxDrawdownDurationDays: 42,
        ProfitFactor: null,
        WinRate: 2.0 / 3.0,
        TradeCount: 3,
        Exposure: 0.25,
        Turnover: 4.0,
        TotalFeesMicros: 12_340_000,
        Bars: 252);

    [Fact]
    public void Metrics_json_has_the_agreed_snake_case_keys_in_sorted_order_with_exact_money_and_rounded_ratios()
    {
        Assert.Equal(
            "{\"bars\":252,\"cagr\":0.041235,\"exposure\":0.25,\"final_equity\":117622.7,\"initial_cash\":100000,"
            + "\"max_drawdown\":0.08,\"max_drawdown_duration_days\":42,\"profit_factor\":null,\"sharpe\":1.234568,"
            + "\"sortino\":2.5,\"total_fees\":12.34,\"total_return\":0.176227,\"trade_count\":3,\"turnover\":4,"
            + "\"win_rate\":0.666667}\n",
            MetricsJson.ToText(s_metrics));
    }

    [Fact]
    public void Metrics_json_parses_and_a_profit_factor_is_a_number_when_there_were_losses()
    {
        string path = _folder.File("metrics.json");
        MetricsJson.Write(s_metrics with { ProfitFactor = 1.5 }, path);

        JsonObject parsed = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

        Assert.Equal(1.5, parsed["profit_factor"]!.GetValue<double>());
        Assert.Equal(117622.7m, parsed["final_equity"]!.GetValue<decimal>());
    }

    [Fact]
    public void Writing_the_same_metrics_twice_gives_identical_bytes()
    {
        MetricsJson.Write(s_metrics, _folder.File("a.json"));
        MetricsJson.Write(s_metrics, _folder.File("b.json"));

        Assert.Equal(File.ReadAllBytes(_folder.File("a.json")), File.ReadAllBytes(_folder.File("b.json")));
    }
}
