using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using static MiniQuantDesk.Engine.Tests.Portfolio.Support.Trades;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>Corporate actions applied to the portfolio: one invariant per scenario, with exact micros.</summary>
public sealed class CorporateActionTests
{
    private const long At = 5_000;

    [Fact]
    public void A_two_for_one_split_doubles_the_shares_and_keeps_the_cost_and_the_value()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 100, "50"), Buy(2, Msft, 50, "60"));
        portfolio.Mark(Msft, Px("70"), At - 1);
        Money equity = portfolio.Equity;
        Money cash = portfolio.Cash;

        Reason applied = portfolio.ApplyCorporateAction(CorporateActionEvent.Split(Msft, new SplitRatio(2, 1), Px("70")), At);

        Assert.Equal(Reason.None, applied);
        SymbolPosition position = portfolio.PositionOf(Msft);
        Assert.Equal(300, position.Quantity);
        Assert.Equal(Usd("8000"), position.CostBasis);
        Assert.Equal([new Lot(200, Px("25")), new Lot(100, Px("30"))], portfolio.LotsOf(Msft));
        Assert.Equal(Px("35"), position.Mark);
        Assert.Equal((equity, cash, Money.Zero), (portfolio.Equity, portfolio.Cash, portfolio.RealizedPnl));
        Assert.Equal(Reason.None, portfolio.VerifyAgainstLedger(At));
    }

    [Fact]
    public void A_three_for_two_split_pays_the_fractional_share_as_cash_in_lieu_and_books_the_rounding_as_realized()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 101, "30"));
        portfolio.Mark(Msft, Px("40"), At - 1);
        Money cash = portfolio.Cash;

        Reason applied = portfolio.ApplyCorporateAction(CorporateActionEvent.Split(Msft, new SplitRatio(3, 2), Px("40")), At);

        // 101 × 3/2 = 151.5: 151 shares, and half a new share at 40 × 2/3 = 13.333333 (rounded down for a long).
        Assert.Equal(Reason.None, applied);
        Assert.Equal(151, portfolio.PositionOf(Msft).Quantity);
        Assert.Equal(Usd("13.333333"), portfolio.Cash - cash);

        // The lot keeps its cost 3030 over 151 shares: 20.066225 a share (rounded), 0.000025 less in all.
        Assert.Equal([new Lot(151, Px("20.066225"))], portfolio.LotsOf(Msft));
        Assert.Equal(Usd("13.333308"), portfolio.RealizedPnl);
        AppliedCorporateAction recorded = Assert.Single(portfolio.CorporateActions.Actions.ToArray());
        Assert.Equal((101L, 151L, Usd("13.333333"), Usd("13.333308"), 1), (recorded.PositionBefore, recorded.PositionAfter, recorded.Cash, recorded.RealizedPnl, recorded.FillPosition));
        Assert.Equal(portfolio.InitialCash - portfolio.Fees + portfolio.RealizedPnl + portfolio.UnrealizedPnl, portfolio.Equity);
        Assert.Equal(Reason.None, portfolio.VerifyAgainstLedger(At));
    }

    [Fact]
    public void A_short_position_pays_cash_in_lieu_for_its_fraction_rounded_up()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Sell(1, Msft, 3, "30"));
        Money cash = portfolio.Cash;

        portfolio.ApplyCorporateAction(CorporateActionEvent.Split(Msft, new SplitRatio(3, 2), Px("10.000001")), At);

        // −3 × 3/2 = −4.5: −4 shares, and half a new share at 10.000001 × 2/3 = 6.66666733…, paid rounded up.
        Assert.Equal(-4, portfolio.PositionOf(Msft).Quantity);
        Assert.Equal(Usd("-3.333334"), portfolio.Cash - cash);
        Assert.Equal(Reason.None, portfolio.VerifyAgainstLedger(At));
    }

    [Fact]
    public void A_dividend_pays_a_long_position_and_charges_a_short_one()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 100, "50"), Sell(2, Spy, 40, "400"));
        Money cash = portfolio.Cash;
        Money equity = portfolio.Equity;

        portfolio.ApplyCorporateAction(CorporateActionEvent.Dividend(Msft, Px("0.62").Micros, Px("50")), At);
        Money afterLong = portfolio.Cash;
        portfolio.ApplyCorporateAction(CorporateActionEvent.Dividend(Spy, Px("1.5").Micros, Px("400")), At);

        Assert.Equal(Usd("62"), afterLong - cash);
        Assert.Equal(Usd("-60"), portfolio.Cash - afterLong);
        Assert.Equal(equity + Usd("2"), portfolio.Equity);
        Assert.Equal((100L, -40L), (portfolio.PositionOf(Msft).Quantity, portfolio.PositionOf(Spy).Quantity));
        Assert.Equal(Reason.None, portfolio.VerifyAgainstLedger(At));
    }

    [Fact]
    public void The_ledger_check_holds_after_actions_interleaved_with_fills_and_a_rebuild_from_both_ledgers_gives_the_same_state()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 100, "10"), Buy(2, Msft, 51, "12", fee: "1"), Sell(3, Spy, 7, "400"));
        Assert.Equal(Reason.None, portfolio.ApplyCorporateAction(CorporateActionEvent.Split(Msft, new SplitRatio(3, 2), Px("12.5")), At));
        portfolio.ApplyAll(Sell(4, Msft, 80, "8.5"), Buy(5, Msft, 30, "8.25"));
        Assert.Equal(Reason.None, portfolio.ApplyCorporateAction(CorporateActionEvent.Dividend(Msft, 110_000, Px("8.3")), At));
        Assert.Equal(Reason.None, portfolio.ApplyCorporateAction(CorporateActionEvent.Split(Spy, new SplitRatio(1, 3), Px("390")), At));
        portfolio.ApplyAll(Sell(6, Msft, 200, "8.4"), Buy(7, Spy, 1, "1170"));
        Assert.Equal(Reason.None, portfolio.ApplyCorporateAction(CorporateActionEvent.Split(Msft, new SplitRatio(1, 10), Px("8.4")), At));
        portfolio.ApplyAll(Buy(8, Msft, 10, "84"), Sell(9, Msft, 2, "85"));
        string image = Support.PortfolioImage.Of(portfolio);

        Assert.False(portfolio.IsHalted, portfolio.HaltReason.Describe());
        Assert.Equal(Reason.None, portfolio.VerifyAgainstLedger(At));
        Fill[] fills = portfolio.Ledger.Fills.ToArray();
        AppliedCorporateAction[] actions = portfolio.CorporateActions.Actions.ToArray();
        Assert.Equal(Reason.None, portfolio.Rebuild(fills, actions));
        Assert.Equal(image, Support.PortfolioImage.Of(portfolio));
    }

    [Fact]
    public void A_fill_recorded_behind_the_portfolios_back_before_a_split_is_caught_at_the_split()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"));
        portfolio.Ledger.Append(Buy(2, Msft, 5, "100"));

        Reason applied = portfolio.ApplyCorporateAction(CorporateActionEvent.Split(Msft, new SplitRatio(2, 1), Px("100")), At);

        Assert.Equal((ReasonCode.PortfolioMismatch, 20L, 30L), (applied.Code, applied.Observed, applied.Limit));
        Assert.True(portfolio.IsHalted);
    }

    [Fact]
    public void An_action_for_an_unknown_symbol_is_refused_with_a_named_reason_and_changes_nothing()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"));
        Money cash = portfolio.Cash;

        Reason refused = portfolio.ApplyCorporateAction(CorporateActionEvent.Split(new SymbolId(99), new SplitRatio(2, 1), Px("100")), At);

        Assert.Equal(new Reason(ReasonCode.UnknownSymbol, new SymbolId(99), At, 99, 3), refused);
        Assert.Equal(refused, portfolio.HaltReason);
        Assert.Equal((cash, 0), (portfolio.Cash, portfolio.CorporateActions.Count));
    }

    [Fact]
    public void A_split_that_would_price_a_lot_below_one_micro_a_share_is_refused_as_unrepresentable()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 1, "0.000001"));

        Reason refused = portfolio.ApplyCorporateAction(CorporateActionEvent.Split(Msft, new SplitRatio(3, 1), Px("0.000001")), At);

        Assert.Equal(ReasonCode.CorporateActionUnrepresentable, refused.Code);
        Assert.Equal((1L, 1), (portfolio.PositionOf(Msft).Quantity, portfolio.CorporateActions.Count == 0 ? 1 : 0));
    }

    [Fact]
    public void A_split_with_a_ratio_of_one_or_a_non_positive_dividend_is_refused_as_malformed()
    {
        EnginePortfolio one = NewPortfolio();
        EnginePortfolio free = NewPortfolio();

        Reason ratioOne = one.ApplyCorporateAction(CorporateActionEvent.Split(Msft, new SplitRatio(2, 2), Px("10")), At);
        Reason zeroDividend = free.ApplyCorporateAction(CorporateActionEvent.Dividend(Msft, 0, Px("10")), At);

        Assert.Equal((ReasonCode.MalformedEvent, ReasonCode.MalformedEvent), (ratioOne.Code, zeroDividend.Code));
    }
}
