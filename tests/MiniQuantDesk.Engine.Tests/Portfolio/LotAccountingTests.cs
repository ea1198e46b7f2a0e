using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using static MiniQuantDesk.Engine.Tests.Portfolio.Support.Trades;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>Lots open and close first in, first out, long and short; PnL, fees, cash, exposures and equity are exact
/// micros.</summary>
public sealed class LotAccountingTests
{
    [Fact]
    public void A_buy_from_flat_opens_one_long_lot_at_the_fill_price_and_pays_its_notional_and_fee_from_cash()
    {
        EnginePortfolio portfolio = NewPortfolio(cash: "10000");

        portfolio.ApplyAll(Buy(1, Msft, 10, "101.25", fee: "1.5"));

        Assert.Equal([new Lot(10, Px("101.25"))], portfolio.LotsOf(Msft));
        Assert.Equal(10, portfolio.PositionOf(Msft).Quantity);
        Assert.Equal(Usd("8986"), portfolio.Cash);
        Assert.Equal(Usd("1.5"), portfolio.Fees);
        Assert.Equal(Usd("9998.5"), portfolio.Equity);
    }

    [Fact]
    public void A_sell_from_flat_opens_a_short_lot_and_adds_the_proceeds_to_cash()
    {
        EnginePortfolio portfolio = NewPortfolio(cash: "10000");

        portfolio.ApplyAll(Sell(1, Msft, 20, "50"));

        Assert.Equal([new Lot(-20, Px("50"))], portfolio.LotsOf(Msft));
        Assert.Equal(Usd("11000"), portfolio.Cash);
        Assert.Equal(Usd("-1000"), portfolio.NetExposure);
        Assert.Equal(Usd("1000"), portfolio.GrossExposure);
        Assert.Equal(Usd("10000"), portfolio.Equity);
    }

    [Fact]
    public void Sells_close_long_lots_oldest_first_and_realize_exact_micros_per_closed_share()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"), Buy(2, Msft, 10, "110.000001"));

        portfolio.ApplyAll(Sell(3, Msft, 15, "120"));

        // 10 × (120 − 100) + 5 × (120 − 110.000001) = 200 + 49.999995.
        Assert.Equal(Usd("249.999995"), portfolio.RealizedPnl);
        Assert.Equal([new Lot(5, Px("110.000001"))], portfolio.LotsOf(Msft));
    }

    [Fact]
    public void Buys_close_short_lots_oldest_first_and_a_cover_below_the_short_price_is_a_gain()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Sell(1, Msft, 10, "100"), Sell(2, Msft, 10, "90"));

        portfolio.ApplyAll(Buy(3, Msft, 12, "95"));

        // 10 × (100 − 95) + 2 × (90 − 95) = 50 − 10.
        Assert.Equal(Usd("40"), portfolio.RealizedPnl);
        Assert.Equal([new Lot(-8, Px("90"))], portfolio.LotsOf(Msft));
    }

    [Fact]
    public void A_partial_close_leaves_the_rest_of_the_oldest_lot_open_at_its_own_price()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"), Buy(2, Msft, 10, "105"));

        portfolio.ApplyAll(Sell(3, Msft, 4, "101"));

        Assert.Equal([new Lot(6, Px("100")), new Lot(10, Px("105"))], portfolio.LotsOf(Msft));
        Assert.Equal(Usd("4"), portfolio.RealizedPnl);
    }

    [Fact]
    public void A_fill_that_crosses_zero_closes_every_lot_and_opens_the_remainder_on_the_other_side_at_the_fill_price()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"), Buy(2, Msft, 5, "102"));

        portfolio.ApplyAll(Sell(3, Msft, 20, "101", atNs: 5_000));

        // Closes 10 × (+1) and 5 × (−1); opens a short lot of 5 at 101.
        Assert.Equal(Usd("5"), portfolio.RealizedPnl);
        Assert.Equal([new Lot(-5, Px("101"))], portfolio.LotsOf(Msft));
        Assert.Equal(-5, portfolio.PositionOf(Msft).Quantity);
        Assert.Equal(5_000, portfolio.PositionOf(Msft).LastIncreasedAtNs);
    }

    [Fact]
    public void A_fill_that_closes_exactly_the_whole_position_leaves_the_symbol_flat_with_no_lots()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Sell(1, Msft, 7, "30"), Sell(2, Msft, 3, "31"));

        portfolio.ApplyAll(Buy(3, Msft, 10, "29"));

        Assert.Empty(portfolio.LotsOf(Msft));
        Assert.Equal(Usd("13"), portfolio.RealizedPnl);
        Assert.Equal(Money.Zero, portfolio.GrossExposure);
        Assert.Equal(Money.Zero, portfolio.UnrealizedPnl);
    }

    [Fact]
    public void Fees_reduce_cash_and_are_kept_out_of_realized_pnl()
    {
        EnginePortfolio portfolio = NewPortfolio(cash: "1000");

        portfolio.ApplyAll(Buy(1, Msft, 1, "100", fee: "0.35"), Sell(2, Msft, 1, "110", fee: "0.4"));

        Assert.Equal(Usd("10"), portfolio.RealizedPnl);
        Assert.Equal(Usd("0.75"), portfolio.Fees);
        Assert.Equal(Usd("1009.25"), portfolio.Cash);
        Assert.Equal(Usd("0.75"), portfolio.PositionOf(Msft).Fees);
    }

    [Fact]
    public void Cash_is_initial_cash_minus_buys_plus_sells_minus_fees()
    {
        EnginePortfolio portfolio = NewPortfolio(cash: "50000");

        portfolio.ApplyAll(
            Buy(1, Msft, 100, "101.01", fee: "1"),
            Sell(2, Spy, 10, "500.5", fee: "2"),
            Sell(3, Msft, 40, "99.99", fee: "0.5"));

        // 50000 − 10101 + 5005 + 3999.6 − 3.5
        Assert.Equal(Usd("48900.1"), portfolio.Cash);
    }

    [Fact]
    public void Unrealized_pnl_exposures_and_equity_follow_the_last_mark()
    {
        EnginePortfolio portfolio = NewPortfolio(cash: "100000");
        portfolio.ApplyAll(Buy(1, Msft, 100, "100"), Sell(2, Spy, 10, "400"));

        Assert.False(portfolio.Mark(Msft, Px("103.5"), 10).IsSet);
        Assert.False(portfolio.Mark(Spy, Px("410"), 10).IsSet);

        Assert.Equal(Usd("350"), portfolio.PositionOf(Msft).UnrealizedPnl);
        Assert.Equal(Usd("-100"), portfolio.PositionOf(Spy).UnrealizedPnl);
        Assert.Equal(Usd("250"), portfolio.UnrealizedPnl);
        Assert.Equal(Usd("14450"), portfolio.GrossExposure);
        Assert.Equal(Usd("6250"), portfolio.NetExposure);
        Assert.Equal(Usd("100250"), portfolio.Equity);
    }

    [Fact]
    public void The_first_fill_of_an_unmarked_symbol_marks_it_at_the_fill_price_and_later_fills_do_not()
    {
        EnginePortfolio portfolio = NewPortfolio();

        portfolio.ApplyAll(Buy(1, Msft, 10, "100"));
        SymbolPosition afterFirst = portfolio.PositionOf(Msft);
        portfolio.ApplyAll(Buy(2, Msft, 10, "120"));

        Assert.Equal((Px("100"), Usd("1000"), Money.Zero), (afterFirst.Mark, afterFirst.MarketValue, afterFirst.UnrealizedPnl));
        Assert.Equal(Px("100"), portfolio.PositionOf(Msft).Mark);
        Assert.Equal(Usd("-200"), portfolio.PositionOf(Msft).UnrealizedPnl);
    }

    [Fact]
    public void A_mark_before_the_first_fill_is_kept_and_values_the_position_the_fill_opens()
    {
        EnginePortfolio portfolio = NewPortfolio();

        Assert.False(portfolio.Mark(Msft, Px("99"), 10).IsSet);
        SymbolPosition flat = portfolio.PositionOf(Msft);
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"));

        Assert.Equal((Px("99"), Money.Zero), (flat.Mark, flat.MarketValue));
        Assert.Equal(Usd("990"), portfolio.PositionOf(Msft).MarketValue);
        Assert.Equal(Usd("-10"), portfolio.UnrealizedPnl);
    }

    [Fact]
    public void Equity_is_initial_cash_minus_fees_plus_realized_plus_unrealized()
    {
        EnginePortfolio portfolio = NewPortfolio(cash: "20000");
        portfolio.ApplyAll(
            Buy(1, Msft, 30, "10.5", fee: "1"),
            Sell(2, Msft, 50, "11", fee: "1"),
            Buy(3, Spy, 7, "401.123456", fee: "0.07"));
        portfolio.Mark(Msft, Px("10.75"), 10);
        portfolio.Mark(Spy, Px("399.999999"), 10);

        Money expected = portfolio.InitialCash - portfolio.Fees + portfolio.RealizedPnl + portfolio.UnrealizedPnl;

        Assert.Equal(expected, portfolio.Equity);
        Assert.Equal(portfolio.Cash + portfolio.NetExposure, portfolio.Equity);
    }
}
