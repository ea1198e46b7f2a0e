using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Tests.Portfolio.Support;
using static MiniQuantDesk.Engine.Tests.Portfolio.Support.Trades;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>A fill changes the portfolio exactly once, ever: by broker fill id, within a bounded, pre-allocated set
/// that is rebuilt from the fill ledger.</summary>
public sealed class ExactlyOnceTests
{
    [Fact]
    public void A_fill_delivered_twice_changes_the_portfolio_once()
    {
        EnginePortfolio portfolio = NewPortfolio();
        Fill fill = Buy(42, Msft, 10, "100", fee: "1");
        portfolio.ApplyAll(fill);
        string once = PortfolioImage.Of(portfolio);

        FillResult again = portfolio.Apply(fill with { EventTimeNs = fill.EventTimeNs + 1_000_000 });

        Assert.Equal(FillResult.Duplicate, again);
        Assert.Equal(once, PortfolioImage.Of(portfolio));
        Assert.False(portfolio.IsHalted);
    }

    [Fact]
    public void A_fill_id_delivered_again_with_different_terms_halts_and_changes_nothing()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(42, Msft, 10, "100"));
        string before = PortfolioImage.Of(portfolio);

        FillResult conflicting = portfolio.Apply(Buy(42, Msft, 11, "100"));

        Assert.Equal((FillStatus.Refused, ReasonCode.ConflictingFill, 42L), (conflicting.Status, conflicting.Reason.Code, conflicting.Reason.Observed));
        Assert.Equal(ReasonCode.ConflictingFill, portfolio.HaltReason.Code);
        Assert.Equal(before, PortfolioImage.Of(portfolio));
    }

    [Fact]
    public void Any_long_is_a_fill_id_including_zero_and_negative_ids()
    {
        EnginePortfolio portfolio = NewPortfolio();

        portfolio.ApplyAll(Buy(0, Msft, 1, "10"), Buy(-1, Msft, 1, "10"), Buy(long.MinValue, Msft, 1, "10"), Buy(long.MaxValue, Msft, 1, "10"));

        Assert.Equal(FillResult.Duplicate, portfolio.Apply(Buy(0, Msft, 1, "10")));
        Assert.Equal(FillResult.Duplicate, portfolio.Apply(Buy(long.MinValue, Msft, 1, "10")));
        Assert.Equal(4, portfolio.PositionOf(Msft).Quantity);
    }

    [Fact]
    public void Rebuilding_from_the_ledger_restores_every_position_lot_and_amount()
    {
        EnginePortfolio original = NewPortfolio();
        original.ApplyAll(
            Buy(1, Msft, 10, "100", fee: "1"),
            Sell(2, Msft, 25, "104", fee: "1"),
            Sell(3, Spy, 3, "500.5"),
            Buy(4, Msft, 5, "99.5", fee: "0.25"));

        EnginePortfolio restarted = NewPortfolio();
        Reason rebuilt = restarted.Rebuild(original.Ledger.Fills);

        Assert.Equal(Reason.None, rebuilt);
        Assert.Equal(PortfolioImage.Of(original), PortfolioImage.Of(restarted));
    }

    [Fact]
    public void The_fill_id_set_is_rebuilt_from_the_ledger_so_a_redelivery_after_restart_is_still_a_duplicate()
    {
        EnginePortfolio original = NewPortfolio();
        original.ApplyAll(Buy(1, Msft, 10, "100"), Sell(2, Msft, 4, "101"));
        EnginePortfolio restarted = NewPortfolio();
        restarted.Rebuild(original.Ledger.Fills);
        string rebuilt = PortfolioImage.Of(restarted);

        FillResult redelivered = restarted.Apply(Sell(2, Msft, 4, "101"));

        Assert.Equal(FillResult.Duplicate, redelivered);
        Assert.Equal(rebuilt, PortfolioImage.Of(restarted));
    }

    [Fact]
    public void A_portfolio_rebuilt_from_its_own_ledger_is_unchanged_and_no_longer_halted()
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"), Sell(2, Msft, 15, "101"), Buy(3, Spy, 1, "400"));
        portfolio.Apply(Buy(4, Msft, 0, "100"));
        string before = PortfolioImage.Of(portfolio);

        Reason rebuilt = portfolio.Rebuild(portfolio.Ledger.Fills);

        Assert.Equal(Reason.None, rebuilt);
        Assert.Equal(before, PortfolioImage.Of(portfolio));
        Assert.False(portfolio.IsHalted);
    }

    [Fact]
    public void A_ledger_that_repeats_a_fill_id_rebuilds_it_once()
    {
        Fill fill = Buy(1, Msft, 10, "100");
        EnginePortfolio portfolio = NewPortfolio();

        Reason rebuilt = portfolio.Rebuild([fill, fill]);

        Assert.Equal(Reason.None, rebuilt);
        Assert.Equal(10, portfolio.PositionOf(Msft).Quantity);
        Assert.Equal(1, portfolio.Ledger.Count);
    }

    [Fact]
    public void A_rebuild_that_meets_a_bad_fill_halts_with_its_reason_keeping_the_fills_before_it()
    {
        EnginePortfolio portfolio = NewPortfolio();

        Reason rebuilt = portfolio.Rebuild([Buy(1, Msft, 10, "100"), Buy(2, Msft, 5, "100", engineId: TestEngine + 1), Buy(3, Msft, 1, "100")]);

        Assert.Equal(ReasonCode.WrongEngine, rebuilt.Code);
        Assert.Equal(ReasonCode.WrongEngine, portfolio.HaltReason.Code);
        Assert.Equal(10, portfolio.PositionOf(Msft).Quantity);
    }

    [Fact]
    public void A_full_ledger_refuses_the_next_new_fill_but_still_recognizes_duplicates()
    {
        EnginePortfolio portfolio = NewPortfolio(fills: 2);
        portfolio.ApplyAll(Buy(1, Msft, 1, "10"), Buy(2, Msft, 1, "10"));
        string full = PortfolioImage.Of(portfolio);

        FillResult duplicate = portfolio.Apply(Buy(2, Msft, 1, "10"));
        FillResult beyond = portfolio.Apply(Buy(3, Msft, 1, "10"));

        Assert.Equal(FillResult.Duplicate, duplicate);
        Assert.Equal((FillStatus.Refused, ReasonCode.CapacityExceeded, 3L, 2L), (beyond.Status, beyond.Reason.Code, beyond.Reason.Observed, beyond.Reason.Limit));
        Assert.Equal(full, PortfolioImage.Of(portfolio));
        Assert.False(portfolio.Ledger.Contains(3));
    }

    [Fact]
    public void A_full_lot_pool_refuses_a_fill_that_would_open_a_lot_but_takes_one_that_only_closes_lots()
    {
        EnginePortfolio portfolio = NewPortfolio(lots: 2);
        portfolio.ApplyAll(Buy(1, Msft, 10, "100"), Sell(2, Spy, 5, "50"));
        string full = PortfolioImage.Of(portfolio);

        FillResult opening = portfolio.Apply(Buy(3, Aapl, 1, "10"));
        string afterRefusal = PortfolioImage.Of(portfolio);
        FillResult crossing = portfolio.Apply(Buy(4, Spy, 8, "49"));
        FillResult closing = portfolio.Apply(Sell(5, Msft, 10, "101"));

        Assert.Equal((FillStatus.Refused, ReasonCode.CapacityExceeded, 3L, 2L), (opening.Status, opening.Reason.Code, opening.Reason.Observed, opening.Reason.Limit));
        Assert.Equal(full, afterRefusal);
        Assert.Equal(FillResult.Applied, crossing);
        Assert.Equal(FillResult.Applied, closing);
        Assert.Equal([new Lot(3, Px("49"))], portfolio.LotsOf(Spy));
        Assert.Empty(portfolio.LotsOf(Msft));
    }
}
