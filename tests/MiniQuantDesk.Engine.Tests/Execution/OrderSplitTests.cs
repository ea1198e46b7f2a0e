using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Execution.Support;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>A split puts the symbol's open orders on the new basis: shares to fill × ratio, prices ÷ ratio.</summary>
public sealed class OrderSplitTests
{
    private static readonly SplitRatio s_twoForOne = new(2, 1);

    [Fact]
    public void An_open_limit_buy_gets_twice_the_shares_still_to_fill_and_half_its_limit_rounded_down()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 30);
        OrderId odd = oms.Buy(10, 10_000_001);

        Reason reason = oms.Oms.ApplySplit(OmsHarness.Symbol, s_twoForOne, 1, out int adjusted);

        Assert.Equal((Reason.None, 2), (reason, adjusted));
        Assert.Equal((170L, 30L, 140L, 5 * Micros.PerUnit), (oms[order].Quantity, oms[order].FilledQuantity, oms[order].LeavesQuantity, oms[order].LimitPrice.Micros));
        Assert.Equal((20L, 5_000_000L), (oms[odd].Quantity, oms[odd].LimitPrice.Micros));
    }

    [Fact]
    public void An_open_limit_sell_gets_its_limit_divided_and_rounded_up_and_a_fraction_of_a_share_dropped()
    {
        var oms = new OmsHarness();
        OrderCreateResult sell = oms.Create(new OrderIntent(OmsHarness.Symbol, Side.Sell, 5, OrderType.Limit, new Price(10_000_001), TimeInForce.GoodTillCanceled));

        oms.Oms.ApplySplit(OmsHarness.Symbol, new SplitRatio(3, 2), 1, out _);

        // 5 × 3/2 = 7.5 → 7 shares; 10.000001 × 2/3 = 6.66666733… → 6.666668 (never sells for less).
        Assert.Equal((7L, 6_666_668L), (oms[sell.Order].Quantity, oms[sell.Order].LimitPrice.Micros));
    }

    [Fact]
    public void Orders_that_ended_or_trade_another_symbol_are_left_as_they_were()
    {
        var oms = new OmsHarness();
        OrderId filled = oms.AcceptedBuy(100);
        oms.Fill(filled, 100);
        OrderCreateResult other = oms.Create(new OrderIntent(new SymbolId(2), Side.Buy, 10, OrderType.Limit, new Price(OmsHarness.TenDollars), TimeInForce.Day));

        oms.Oms.ApplySplit(OmsHarness.Symbol, s_twoForOne, 1, out int adjusted);

        Assert.Equal(0, adjusted);
        Assert.Equal((100L, OmsHarness.TenDollars), (oms[filled].Quantity, oms[filled].LimitPrice.Micros));
        Assert.Equal((10L, OmsHarness.TenDollars), (oms[other.Order].Quantity, oms[other.Order].LimitPrice.Micros));
    }
}
