using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Tests.Support;
using MiniQuantDesk.Backtest.Workflow;

namespace MiniQuantDesk.Backtest.Tests.Golden;

/// <summary>
/// The backtester against an independent result: sma-cross 10/30, 100 shares, long only, fills at the next open,
/// no costs, over the real MSFT daily bars of 1990-2022 (../shared/data). Same trades, trade for trade, and the same
/// final equity to the cent as MSFT_sma10_30.expected.json, through the whole job: CSV reading, the pipeline, the
/// venue, round trips and metrics.
/// </summary>
public sealed class MsftSmaCrossGoldenTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "mqd-golden-" + Guid.NewGuid().ToString("N"));

    [SharedDataFact]
    public void Sma_cross_on_msft_gives_the_independent_results_trades_and_final_equity_to_the_cent()
    {
        JsonNode expected = JsonNode.Parse(File.ReadAllText(SharedData.PathOf("MSFT_sma10_30.expected.json")))!;
        BacktestSettings settings = BacktestJob.Complete(SettingsResolver.Resolve(null, new SettingsOverlay
        {
            DataFiles = [SharedData.PathOf("MSFT_1d_adj.csv")],
            Strategy = "sma-cross",
            Parameters = new Dictionary<string, long> { ["fast"] = 10, ["slow"] = 30, ["qty"] = 100 },
            InitialCashMicros = 100_000_000_000,
            Costs = CostModel.None,
        }, null));

        BacktestJobResult result = BacktestJob.Run(settings, _output, [], null);

        string[] trades = File.ReadAllLines(Path.Combine(_output, "trades.csv"));
        JsonArray expectedTrades = expected["trades"]!.AsArray();
        Assert.Equal(expectedTrades.Count + 1, trades.Length);
        for (int i = 0; i < expectedTrades.Count; i++)
        {
            JsonNode trade = expectedTrades[i]!;
            string[] row = trades[i + 1].Split(',');
            string wanted = $"{trade["entry_date"]} {Decimal(trade["entry_price"])} {trade["exit_date"]} {Decimal(trade["exit_price"])} {trade["qty"]} {Decimal(trade["pnl"])}";
            string actual = $"{row[0][..10]} {Decimal(row[1])} {row[2][..10]} {Decimal(row[3])} {row[4]} {Decimal(row[5])}";
            Assert.True(wanted == actual, $"trade {i + 1}: expected {wanted}, got {actual}");
        }

        Assert.Equal(149, result.Metrics.TradeCount);
        Assert.Equal(Decimal(expected["final_equity"]), Decimal(result.Metrics.FinalEquityMicros / 1_000_000m));
        Assert.Equal("117622.70", (result.Metrics.FinalEquityMicros / 1_000_000m).ToString("F2", CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static decimal Decimal(JsonNode? node) => Decimal(node!.ToString());

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static decimal Decimal(decimal value) => value;
}
