using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Tests.Portfolio.Support;
using static MiniQuantDesk.Engine.Tests.Portfolio.Support.Trades;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>Bad input never corrupts state: every refused fill or mark names its reason, halts the portfolio, and
/// leaves every number, lot and ledger entry exactly as it was.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("zero price", ReasonCode.NonPositivePrice)]
    [InlineData("negative price", ReasonCode.NonPositivePrice)]
    [InlineData("zero quantity", ReasonCode.NonPositiveQuantity)]
    [InlineData("negative quantity", ReasonCode.NonPositiveQuantity)]
    [InlineData("no symbol", ReasonCode.UnknownSymbol)]
    [InlineData("symbol beyond the table", ReasonCode.UnknownSymbol)]
    [InlineData("negative symbol", ReasonCode.UnknownSymbol)]
    [InlineData("no side", ReasonCode.MalformedEvent)]
    [InlineData("undefined side", ReasonCode.MalformedEvent)]
    [InlineData("negative fee", ReasonCode.MalformedEvent)]
    [InlineData("notional beyond 64 bits", ReasonCode.ArithmeticOverflow)]
    [InlineData("position beyond 64 bits", ReasonCode.ArithmeticOverflow)]
    [InlineData("cash beyond 64 bits", ReasonCode.ArithmeticOverflow)]
    [InlineData("fees beyond 64 bits", ReasonCode.ArithmeticOverflow)]
    public void A_bad_fill_is_refused_with_a_named_reason_and_changes_nothing(string badness, ReasonCode expected)
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Arrange(badness));
        string before = PortfolioImage.Of(portfolio);

        FillResult result = portfolio.Apply(BadFill(badness));

        Assert.Equal((FillStatus.Refused, expected), (result.Status, result.Reason.Code));
        Assert.Equal(result.Reason, portfolio.HaltReason);
        Assert.Equal(before, PortfolioImage.Of(portfolio));
        Assert.False(portfolio.Ledger.Contains(99));
    }

    [Fact]
    public void A_refused_fill_id_is_not_remembered_so_the_corrected_fill_still_applies()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.Apply(Buy(99, Msft, 10, "0"));

        FillResult corrected = portfolio.Apply(Buy(99, Msft, 10, "100"));

        Assert.Equal(FillResult.Applied, corrected);
        Assert.Equal(10, portfolio.PositionOf(Msft).Quantity);
    }

    [Theory]
    [InlineData(1, "0", ReasonCode.NonPositivePrice)]
    [InlineData(1, "-5", ReasonCode.NonPositivePrice)]
    [InlineData(0, "10", ReasonCode.UnknownSymbol)]
    [InlineData(4, "10", ReasonCode.UnknownSymbol)]
    [InlineData(1, "10000000", ReasonCode.ArithmeticOverflow)]
    public void A_bad_mark_is_refused_with_a_named_reason_and_changes_nothing(int symbol, string price, ReasonCode expected)
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 1_000_000, "100"));
        string before = PortfolioImage.Of(portfolio);

        Reason reason = portfolio.Mark(new SymbolId(symbol), Px(price), 3);

        Assert.Equal(expected, reason.Code);
        Assert.Equal(reason, portfolio.HaltReason);
        Assert.Equal(before, PortfolioImage.Of(portfolio));
    }

    [Fact]
    public void The_first_halt_reason_is_kept_and_valid_fills_and_marks_still_apply_after_it()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.Apply(Buy(1, Msft, 0, "100"));
        portfolio.Mark(Msft, Px("0"), 1);

        portfolio.ApplyAll(Buy(2, Msft, 3, "100"));
        Reason mark = portfolio.Mark(Msft, Px("101"), 2);

        Assert.Equal(ReasonCode.NonPositiveQuantity, portfolio.HaltReason.Code);
        Assert.Equal(Reason.None, mark);
        Assert.Equal(Usd("303"), portfolio.PositionOf(Msft).MarketValue);
    }

    [Theory]
    [InlineData("InitialCash")]
    [InlineData("AllocationCap")]
    [InlineData("SymbolCapacity")]
    [InlineData("OpenLotCapacity")]
    [InlineData("FillCapacity")]
    public void A_portfolio_with_a_nonsense_option_is_refused_at_construction_naming_the_option(string option)
    {
        var valid = new PortfolioOptions { InitialCash = Usd("1000"), AllocationCap = Usd("1000"), SymbolCapacity = 3 };
        PortfolioOptions bad = option switch
        {
            "InitialCash" => valid with { InitialCash = Usd("-1") },
            "AllocationCap" => valid with { AllocationCap = Money.Zero },
            "SymbolCapacity" => valid with { SymbolCapacity = PortfolioOptions.MaxSymbolCapacity + 1 },
            "OpenLotCapacity" => valid with { OpenLotCapacity = 0 },
            _ => valid with { FillCapacity = -1 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EnginePortfolio(1, bad));

        Assert.Equal(option, error.ParamName);
        Assert.NotNull(new EnginePortfolio(1, valid));
    }

    [Fact]
    public void Asking_for_a_symbol_the_portfolio_does_not_know_is_a_programming_error()
    {
        EnginePortfolio portfolio = NewPortfolio(symbols: 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => portfolio.PositionOf(new SymbolId(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => portfolio.CopyLots(SymbolId.None, []));
    }

    /// <summary>Fills that put the portfolio where the bad fill can do harm (every case has a position).</summary>
    private static Fill[] Arrange(string badness) => badness switch
    {
        "position beyond 64 bits" => [Buy(1, Msft, 5_000_000_000_000_000_000, "0.000001")],
        "cash beyond 64 bits" => [Sell(1, Msft, 9_000_000, "1000000")],
        "fees beyond 64 bits" => [Buy(1, Msft, 1, "10", fee: "9000000000000")],
        _ => [Buy(1, Msft, 10, "100", fee: "1"), Sell(2, Spy, 5, "400")],
    };

    private static Fill BadFill(string badness) => badness switch
    {
        "zero price" => Buy(99, Msft, 10, "0"),
        "negative price" => Sell(99, Msft, 10, "-1"),
        "zero quantity" => Buy(99, Msft, 0, "100"),
        "negative quantity" => Sell(99, Msft, -10, "100"),
        "no symbol" => Buy(99, SymbolId.None, 10, "100"),
        "symbol beyond the table" => Buy(99, new SymbolId(4), 10, "100"),
        "negative symbol" => Buy(99, new SymbolId(-1), 10, "100"),
        "no side" => Buy(99, Msft, 10, "100") with { Side = Side.None },
        "undefined side" => Buy(99, Msft, 10, "100") with { Side = (Side)7 },
        "negative fee" => Buy(99, Msft, 10, "100", fee: "-0.01"),
        "notional beyond 64 bits" => Buy(99, Msft, 10_000_000, "10000000"),
        "position beyond 64 bits" => Buy(99, Msft, 5_000_000_000_000_000_000, "0.000001"),
        "cash beyond 64 bits" => Sell(99, Spy, 1, "300000000000"),
        "fees beyond 64 bits" => Buy(99, Msft, 1, "10", fee: "9000000000000"),
        _ => throw new ArgumentOutOfRangeException(nameof(badness), badness, "no such case"),
    };
}
