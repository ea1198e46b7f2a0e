using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Tests.Portfolio.Support;
using static MiniQuantDesk.Engine.Tests.Portfolio.Support.Trades;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>Each engine has its own portfolio, positions and allocation cap; nothing one engine does can move
/// another engine's capital.</summary>
public sealed class EngineIsolationTests
{
    [Fact]
    public void A_fill_tagged_with_another_engine_is_refused_and_changes_nothing()
    {
        EnginePortfolio portfolio = NewPortfolio(engineId: 1);
        portfolio.ApplyAll(Buy(1, Msft, 10, "100", engineId: 1));
        string before = PortfolioImage.Of(portfolio);

        FillResult foreign = portfolio.Apply(Buy(2, Msft, 10, "100", engineId: 2));

        Assert.Equal(new FillResult(FillStatus.Refused, new Reason(ReasonCode.WrongEngine, Msft, 1_000, 2, 1)), foreign);
        Assert.Equal(before, PortfolioImage.Of(portfolio));
        Assert.False(portfolio.Ledger.Contains(2));
    }

    [Fact]
    public void One_engines_fills_never_change_another_engines_state()
    {
        EnginePortfolio first = NewPortfolio(engineId: 1, cash: "50000");
        EnginePortfolio second = NewPortfolio(engineId: 2, cash: "80000");
        EnginePortfolio firstAlone = NewPortfolio(engineId: 1, cash: "50000");
        EnginePortfolio secondAlone = NewPortfolio(engineId: 2, cash: "80000");
        Fill[] firstFills = [Buy(1, Msft, 100, "100", engineId: 1), Sell(2, Spy, 20, "400", engineId: 1), Sell(3, Msft, 150, "101", engineId: 1)];
        Fill[] secondFills = [Sell(1, Msft, 30, "99", engineId: 2), Buy(2, Aapl, 10, "180", engineId: 2)];
        firstAlone.ApplyAll(firstFills);
        secondAlone.ApplyAll(secondFills);

        // Every fill of both engines reaches both portfolios, interleaved, as a misrouted broker stream would
        // deliver them (the fill ids even collide across engines).
        foreach (Fill fill in (Fill[])[firstFills[0], secondFills[0], firstFills[1], secondFills[1], firstFills[2]])
        {
            first.Apply(fill);
            second.Apply(fill);
        }

        Assert.Equal(PortfolioImage.Of(firstAlone), PortfolioImage.Of(first));
        Assert.Equal(PortfolioImage.Of(secondAlone), PortfolioImage.Of(second));
        Assert.Equal(ReasonCode.WrongEngine, first.HaltReason.Code);
        Assert.Equal(ReasonCode.WrongEngine, second.HaltReason.Code);
    }

    [Fact]
    public void An_order_that_would_take_gross_exposure_above_the_allocation_cap_is_refused_with_the_evidence()
    {
        EnginePortfolio portfolio = NewPortfolio(cap: "10000");
        portfolio.ApplyAll(Buy(1, Msft, 50, "100"));

        Reason inside = portfolio.CheckAllocation(Spy, Side.Sell, 10, Px("500"), 5, out Money insideAfter);
        Reason beyond = portfolio.CheckAllocation(Spy, Side.Sell, 11, Px("500"), 5, out Money beyondAfter);

        Assert.Equal((Reason.None, Usd("10000")), (inside, insideAfter));
        Assert.Equal(new Reason(ReasonCode.AllocationCapExceeded, Spy, 5, Usd("10500").Micros, Usd("10000").Micros), beyond);
        Assert.Equal(Usd("10500"), beyondAfter);
        Assert.False(portfolio.IsHalted);
    }

    [Fact]
    public void The_allocation_check_values_the_orders_symbol_at_the_orders_price()
    {
        EnginePortfolio portfolio = NewPortfolio(cap: "10000");
        portfolio.ApplyAll(Buy(1, Msft, 50, "100"));

        portfolio.CheckAllocation(Msft, Side.Buy, 10, Px("150"), 5, out Money after);

        Assert.Equal(Usd("9000"), after);
    }

    [Fact]
    public void An_order_that_only_reduces_a_position_passes_the_cap_even_when_the_engine_is_above_it()
    {
        EnginePortfolio portfolio = NewPortfolio(cap: "10000");
        portfolio.ApplyAll(Buy(1, Msft, 90, "100"));
        portfolio.Mark(Msft, Px("150"), 2);

        Reason reduce = portfolio.CheckAllocation(Msft, Side.Sell, 10, Px("150"), 3, out Money reducedTo);
        Reason close = portfolio.CheckAllocation(Msft, Side.Sell, 90, Px("150"), 3, out Money closedTo);
        Reason flip = portfolio.CheckAllocation(Msft, Side.Sell, 200, Px("150"), 3, out _);
        Reason add = portfolio.CheckAllocation(Msft, Side.Buy, 1, Px("150"), 3, out _);

        Assert.Equal((Reason.None, Usd("12000")), (reduce, reducedTo));
        Assert.Equal((Reason.None, Money.Zero), (close, closedTo));
        Assert.Equal(ReasonCode.AllocationCapExceeded, flip.Code);
        Assert.Equal(ReasonCode.AllocationCapExceeded, add.Code);
    }

    [Fact]
    public void Each_engine_is_judged_against_its_own_cap_and_its_own_positions()
    {
        EnginePortfolio busy = NewPortfolio(engineId: 1, cap: "10000");
        EnginePortfolio idle = NewPortfolio(engineId: 2, cap: "10000");
        busy.ApplyAll(Buy(1, Msft, 90, "100", engineId: 1));

        Reason busyVerdict = busy.CheckAllocation(Spy, Side.Buy, 5, Px("400"), 1, out _);
        Reason idleVerdict = idle.CheckAllocation(Spy, Side.Buy, 5, Px("400"), 1, out Money idleAfter);

        Assert.Equal(ReasonCode.AllocationCapExceeded, busyVerdict.Code);
        Assert.Equal((Reason.None, Usd("2000")), (idleVerdict, idleAfter));
    }

    [Theory]
    [InlineData(0, Side.Buy, 1, "10", ReasonCode.UnknownSymbol)]
    [InlineData(1, Side.None, 1, "10", ReasonCode.MalformedEvent)]
    [InlineData(1, Side.Buy, 0, "10", ReasonCode.NonPositiveQuantity)]
    [InlineData(1, Side.Sell, 1, "0", ReasonCode.NonPositivePrice)]
    [InlineData(1, Side.Buy, long.MaxValue, "10", ReasonCode.ArithmeticOverflow)]
    public void A_nonsense_allocation_question_gets_a_named_reason_and_changes_nothing(int symbol, Side side, long quantity, string price, ReasonCode expected)
    {
        EnginePortfolio portfolio = NewPortfolio();
        portfolio.ApplyAll(Buy(1, Msft, 5, "10"));
        string before = PortfolioImage.Of(portfolio);

        Reason verdict = portfolio.CheckAllocation(new SymbolId(symbol), side, quantity, Px(price), 1, out Money after);

        Assert.Equal(expected, verdict.Code);
        Assert.Equal(portfolio.GrossExposure, after);
        Assert.Equal(before, PortfolioImage.Of(portfolio));
        Assert.False(portfolio.IsHalted);
    }
}
