using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using static MiniQuantDesk.Engine.Tests.Portfolio.Support.Trades;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>
/// The incremental state always equals a recomputation from the fill ledger, and a difference halts with
/// <see cref="ReasonCode.PortfolioMismatch"/>. To prove the check can fail, these tests record a fill in the ledger
/// behind the portfolio's back (the ledger's append is internal): the class of bug where a fill is journaled but not
/// applied.
/// </summary>
public sealed class LedgerCheckTests
{
    [Fact]
    public void A_portfolio_that_applied_every_fill_agrees_with_the_full_recomputation()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100", fee: "1"), Sell(2, Msft, 25, "101"), Sell(3, Spy, 5, "400"), Buy(4, Msft, 15, "99"));

        Assert.Equal(Reason.None, portfolio.VerifyAgainstLedger(10));
        Assert.False(portfolio.IsHalted);
    }

    [Fact]
    public void A_fill_recorded_in_the_ledger_but_not_applied_is_caught_at_the_next_fill_of_its_symbol()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"));
        portfolio.Ledger.Append(Buy(2, Msft, 5, "100"));

        FillResult next = portfolio.Apply(Buy(3, Msft, 1, "100", atNs: 77));

        Assert.Equal(FillStatus.Applied, next.Status);
        Assert.Equal(new Reason(ReasonCode.PortfolioMismatch, Msft, 77, 11, 16), next.Reason);
        Assert.Equal(PortfolioValue.Position, portfolio.MismatchedValue);
        Assert.True(portfolio.IsHalted);
    }

    [Fact]
    public void A_ledger_whose_sums_agree_but_whose_lots_differ_is_still_a_mismatch()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"));

        // A round trip the portfolio never saw: position, cash and fees are unchanged by it, the lots are not.
        portfolio.Ledger.Append(Buy(2, Msft, 5, "100"));
        portfolio.Ledger.Append(Sell(3, Msft, 5, "100"));
        Reason verdict = portfolio.VerifyAgainstLedger(5);

        Assert.Equal((ReasonCode.PortfolioMismatch, 1L, 2L), (verdict.Code, verdict.Observed, verdict.Limit));
        Assert.Equal(PortfolioValue.OpenLotCount, portfolio.MismatchedValue);
    }

    [Fact]
    public void The_full_recomputation_catches_a_ledger_entry_of_a_symbol_the_portfolio_never_traded()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"));
        portfolio.Ledger.Append(Sell(2, Spy, 3, "400"));

        Reason verdict = portfolio.VerifyAgainstLedger(9);

        Assert.Equal(new Reason(ReasonCode.PortfolioMismatch, Spy, 9, 0, -3), verdict);
        Assert.Equal(verdict, portfolio.HaltReason);
    }

    [Fact]
    public void A_mismatch_is_sticky_and_later_fills_are_still_recorded()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.Ledger.Append(Buy(1, Msft, 5, "100"));
        FillResult caught = portfolio.Apply(Buy(2, Msft, 1, "100"));

        FillResult later = portfolio.Apply(Buy(3, Spy, 1, "400"));

        Assert.Equal(ReasonCode.PortfolioMismatch, caught.Reason.Code);
        Assert.Equal(FillStatus.Applied, later.Status);
        Assert.Equal(ReasonCode.PortfolioMismatch, portfolio.HaltReason.Code);
        Assert.Equal(3, portfolio.Ledger.Count);
    }

    [Theory]
    [InlineData(PortfolioValue.None)]
    [InlineData(PortfolioValue.Cash)]
    [InlineData(PortfolioValue.TotalFees)]
    [InlineData(PortfolioValue.TotalRealizedPnl)]
    [InlineData(PortfolioValue.TotalCostBasis)]
    public void The_per_fill_check_also_compares_the_account_totals_with_the_ledger(PortfolioValue skewed)
    {
        // The check on its own, over a hand-built state that agrees with the ledger: 10 bought at 100 with a fee of
        // 1, 4 sold at 105 (realizing 20), 6 left open at 100; initial cash 10000.
        var ledger = new FillLedger(capacity: 8, symbolCapacity: 1);
        var lots = new LotQueues(capacity: 8, symbolCapacity: 1);
        var books = new SymbolBook[2];
        var check = new LedgerRecomputation(ledger, new CorporateActionLedger(1), lots, books);
        ledger.Append(Buy(1, Msft, 10, "100", fee: "1"));
        ledger.Append(Sell(2, Msft, 4, "105"));
        lots.Append(Msft, 6, Px("100").Micros);
        books[1] = new SymbolBook { Position = 6, Fees = Usd("1").Micros, RealizedPnl = Usd("20").Micros, CostBasis = Usd("600").Micros };
        Money cash = Usd("9419");
        var totals = new PortfolioTotals(cash, Usd("1"), Usd("20"), Usd("600"), Money.Zero, Money.Zero, Money.Zero, cash);
        Money oneMicro = new(1);
        totals = skewed switch
        {
            PortfolioValue.Cash => totals with { Cash = totals.Cash + oneMicro },
            PortfolioValue.TotalFees => totals with { Fees = totals.Fees + oneMicro },
            PortfolioValue.TotalRealizedPnl => totals with { RealizedPnl = totals.RealizedPnl + oneMicro },
            PortfolioValue.TotalCostBasis => totals with { CostBasis = totals.CostBasis + oneMicro },
            _ => totals,
        };

        Reason verdict = check.VerifyAfterFill(Msft, 3, in totals, Usd("10000"), out PortfolioValue mismatched);

        Assert.Equal(skewed, mismatched);
        Assert.Equal(skewed == PortfolioValue.None ? ReasonCode.None : ReasonCode.PortfolioMismatch, verdict.Code);
    }
}
