using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

public sealed class ArtifactCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly long s_open = NewYork.At(1990, 7, 18, 9, 30, -4);

    private static readonly OrderRecord[] s_orders =
    [
        new(s_open, 1, "mqd-1", "SPY", Side.Buy, OrderType.Limit, TimeInForce.Day, 100, 101_250_000, "filled", 100, string.Empty),
        new(s_open, 2, "mqd-2", "SPY", Side.Sell, OrderType.Market, TimeInForce.GoodTillCanceled, 50, 0, "rejected", 0, "RISK: notional, \"too big\""),
    ];

    private static readonly FillRecord[] s_fills =
    [
        new(s_open, 1, "mqd-1", "SPY", Side.Buy, 100, 101_250_000, 1_000_000),
        new(s_open + 60_000_000_000, 1, "mqd-1", "SPY", Side.Sell, 100, 102_000_000, 1_000_000),
    ];

    private static readonly EquityPoint[] s_equity =
    [
        new(s_open, 100_000_000_000, 100_000_000_000, 0),
        new(s_open + 60_000_000_000, 99_000_000_000, 89_875_000_000, 10_125_000_000),
    ];

    [Fact]
    public void Fills_csv_has_exactly_the_agreed_header_and_exact_money_text()
    {
        string path = _folder.File("fills.csv");
        ArtifactCsv.WriteFills(path, s_fills);

        string[] lines = File.ReadAllText(path).Split('\n');
        Assert.Equal("timestamp,order_id,client_order_id,symbol,side,qty,price,fee", lines[0]);
        Assert.Equal("1990-07-18T09:30:00-04:00,1,mqd-1,SPY,buy,100,101.25,1", lines[1]);
        Assert.Equal("1990-07-18T09:31:00-04:00,1,mqd-1,SPY,sell,100,102,1", lines[2]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void Trades_csv_has_exactly_the_agreed_header_and_pnl_in_cents_when_whole_cents()
    {
        RoundTrip trip = new("SPY", Side.Buy, s_open, 101_250_000, s_open + 60_000_000_000, 102_000_000, 100, 73_000_000, 2_000_000);
        string path = _folder.File("trades.csv");
        ArtifactCsv.WriteTrades(path, [trip]);

        Assert.Equal(
            "entry_time,entry_price,exit_time,exit_price,qty,pnl\n"
            + "1990-07-18T09:30:00-04:00,101.25,1990-07-18T09:31:00-04:00,102,100,73.00\n",
            File.ReadAllText(path));
    }

    [Theory]
    [InlineData(73_000_000, "73.00")]
    [InlineData(-3_500_000, "-3.50")]
    [InlineData(10_000, "0.01")]
    [InlineData(-10_000, "-0.01")]
    [InlineData(0, "0.00")]
    [InlineData(12_345_678, "12.345678")]
    [InlineData(-1, "-0.000001")]
    public void Pnl_has_two_decimals_when_whole_cents_and_all_micros_otherwise(long micros, string expected) =>
        Assert.Equal(expected, ArtifactCsv.PnlText(micros));

    [Fact]
    public void Orders_csv_has_its_header_an_empty_limit_for_market_orders_and_quotes_text_with_commas_or_quotes()
    {
        string text = ArtifactCsv.OrdersText(s_orders);

        string[] lines = text.Split('\n');
        Assert.Equal("timestamp,order_id,client_order_id,symbol,side,type,tif,qty,limit_price,status,filled_qty,reason", lines[0]);
        Assert.Equal("1990-07-18T09:30:00-04:00,1,mqd-1,SPY,buy,limit,day,100,101.25,filled,100,", lines[1]);
        Assert.Equal("1990-07-18T09:30:00-04:00,2,mqd-2,SPY,sell,market,gtc,50,,rejected,0,\"RISK: notional, \"\"too big\"\"\"", lines[2]);
    }

    [Fact]
    public void Equity_csv_has_its_header_and_the_drawdown_as_an_exact_fraction_of_the_peak()
    {
        string[] lines = ArtifactCsv.EquityText(s_equity).Split('\n');

        Assert.Equal("timestamp,equity,cash,gross_exposure,drawdown", lines[0]);
        Assert.Equal("1990-07-18T09:30:00-04:00,100000,100000,0,0", lines[1]);
        Assert.Equal("1990-07-18T09:31:00-04:00,99000,89875,10125,0.01", lines[2]);
    }

    [Fact]
    public void Writing_the_same_rows_twice_gives_identical_bytes_in_utf8_without_bom_or_carriage_returns()
    {
        string first = _folder.File("first.csv");
        string second = _folder.File("second.csv");
        ArtifactCsv.WriteOrders(first, s_orders);
        ArtifactCsv.WriteOrders(second, s_orders);

        byte[] bytes = File.ReadAllBytes(first);
        Assert.Equal(bytes, File.ReadAllBytes(second));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
    }
}
