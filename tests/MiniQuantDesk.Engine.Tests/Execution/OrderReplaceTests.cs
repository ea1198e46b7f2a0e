using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Execution.Support;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>Replaces are requests: the old terms hold until the broker answers; an ack puts the new total in force.</summary>
public sealed class OrderReplaceTests
{
    private const long ElevenDollars = 11 * Micros.PerUnit;

    [Fact]
    public void A_replace_request_targets_the_mapped_broker_order_and_its_ack_puts_the_new_total_and_limit_in_force()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        OrderRequestResult request = oms.RequestReplace(order, 150, ElevenDollars);
        Assert.Equal((OrderRequestOutcome.Send, OmsHarness.BrokerIdOf(order)), (request.Outcome, request.Target));
        Assert.Equal((OrderState.PendingReplace, 100L, OmsHarness.TenDollars), (oms[order].State, oms[order].Quantity, oms[order].LimitPrice.Micros));
        OrderEventResult ack = oms.ReplaceAck(order, 150, ElevenDollars);

        Assert.Equal((OrderState.PendingReplace, OrderState.Accepted), (ack.From, ack.To));
        Assert.Equal((150L, ElevenDollars, 150L), (oms[order].Quantity, oms[order].LimitPrice.Micros, oms[order].LeavesQuantity));
    }

    [Theory]
    [InlineData(40, 0, 80, OrderState.PartiallyFilled)]
    [InlineData(40, 40, 80, OrderState.Filled)]
    [InlineData(0, 0, 50, OrderState.Accepted)]
    public void A_replace_ack_passes_through_replaced_to_the_live_state_its_fills_give_against_the_new_total(
        long filledBefore, long filledDuring, long newTotal, OrderState expected)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        if (filledBefore > 0)
        {
            oms.Fill(order, filledBefore);
        }

        oms.RequestReplace(order, newTotal);
        if (filledDuring > 0)
        {
            oms.Fill(order, filledDuring);
        }

        OrderEventResult ack = oms.ReplaceAck(order, newTotal, OmsHarness.TenDollars);

        Assert.Equal(expected, ack.To);
        Assert.Equal((newTotal, filledBefore + filledDuring), (oms[order].Quantity, oms[order].FilledQuantity));
    }

    [Theory]
    [InlineData(0, OrderState.Accepted)]
    [InlineData(30, OrderState.PartiallyFilled)]
    public void A_replace_reject_returns_the_order_to_its_prior_live_state_with_the_old_quantity_and_price(long filledBefore, OrderState expected)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        if (filledBefore > 0)
        {
            oms.Fill(order, filledBefore);
        }

        oms.RequestReplace(order, 150, ElevenDollars);
        OrderEventResult reject = oms.ReplaceReject(order);

        Assert.Equal((OrderState.PendingReplace, expected), (reject.From, reject.To));
        Assert.Equal((100L, OmsHarness.TenDollars), (oms[order].Quantity, oms[order].LimitPrice.Micros));
        Assert.Equal((0L, 0L), (oms[order].RequestedQuantity, oms[order].RequestedLimitPrice.Micros));
    }

    [Fact]
    public void A_replace_ack_with_a_new_broker_id_retargets_later_requests_and_the_old_id_still_finds_the_order()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        BrokerOrderId original = OmsHarness.BrokerIdOf(order);
        var renamed = new BrokerOrderId(31_337);
        oms.RequestReplace(order, 150);

        oms.ReplaceAck(order, 150, OmsHarness.TenDollars, renamed);
        OrderRequestResult cancel = oms.RequestCancel(order);
        OrderEventResult lateFillOnOldId = oms.Apply(oms.FillEvent(order, 5) with { ClientOrderId = ClientOrderId.None, BrokerOrderId = original });

        Assert.Equal(renamed, cancel.Target);
        Assert.True(oms.Oms.BrokerOrders.TryFind(renamed, out OrderId mapped) && mapped == order);
        Assert.Equal((OrderEventOutcome.Applied, order), (lateFillOnOldId.Outcome, lateFillOnOldId.Order));
    }

    [Fact]
    public void Fills_during_a_pending_replace_count_against_the_larger_of_the_old_and_the_requested_total()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestReplace(order, 150);

        OrderEventResult withinNew = oms.Fill(order, 120);
        Assert.Equal(30, oms[order].LeavesQuantity);
        OrderEventResult beyondBoth = oms.Fill(order, 31);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.PendingReplace), (withinNew.Outcome, withinNew.To));
        Assert.Equal((ReasonCode.Overfill, 151L, 150L), (beyondBoth.Reason.Code, beyondBoth.Reason.Observed, beyondBoth.Reason.Limit));
    }

    [Fact]
    public void A_fill_of_the_replacing_broker_order_during_a_pending_replace_maps_its_new_id()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestReplace(order, 150);

        OrderEventResult fill = oms.Apply(oms.FillEvent(order, 10) with { BrokerOrderId = new BrokerOrderId(31_337) });
        OrderEventResult ack = oms.ReplaceAck(order, 150, OmsHarness.TenDollars, new BrokerOrderId(31_337));

        Assert.Equal((OrderEventOutcome.Applied, OrderEventOutcome.Applied), (fill.Outcome, ack.Outcome));
        Assert.Equal(new BrokerOrderId(31_337), oms[order].BrokerOrderId);
    }

    [Fact]
    public void A_replace_reject_after_fills_beyond_the_old_total_halts_with_Overfill()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestReplace(order, 150);
        oms.Fill(order, 120);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult reject = oms.ReplaceReject(order);

        Assert.Equal((ReasonCode.Overfill, 120L, 100L), (reject.Reason.Code, reject.Reason.Observed, reject.Reason.Limit));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void A_replace_ack_below_what_filled_during_the_pending_replace_halts_with_Overfill()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestReplace(order, 50);
        oms.Fill(order, 80);

        Assert.Equal(ReasonCode.Overfill, oms.ReplaceAck(order, 50, OmsHarness.TenDollars).Reason.Code);
    }

    [Theory]
    [InlineData(140, OmsHarness.TenDollars)]
    [InlineData(150, ElevenDollars)]
    public void A_replace_ack_with_other_terms_than_requested_halts_as_malformed(long quantity, long limitMicros)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestReplace(order, 150);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult ack = oms.ReplaceAck(order, quantity, limitMicros);

        Assert.Equal(ReasonCode.MalformedEvent, ack.Reason.Code);
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void A_replace_before_the_broker_named_the_order_is_refused_with_NoBrokerOrderId()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        OrderRequestResult request = oms.RequestReplace(order, 150);

        Assert.Equal((OrderRequestOutcome.Refused, ReasonCode.NoBrokerOrderId), (request.Outcome, request.Reason.Code));
        Assert.Equal(OrderState.PendingNew, oms[order].State);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(39)]
    [InlineData(0)]
    public void A_replace_whose_new_total_is_not_above_the_filled_quantity_is_refused(long newTotal)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 40);

        OrderRequestResult request = oms.RequestReplace(order, newTotal);

        Assert.Equal(OrderRequestOutcome.Refused, request.Outcome);
        Assert.Equal(newTotal == 0 ? ReasonCode.NonPositiveQuantity : ReasonCode.ReplaceNotAboveFilled, request.Reason.Code);
        Assert.Equal(OrderState.PartiallyFilled, oms[order].State);
    }

    [Fact]
    public void A_replace_must_keep_a_limit_order_limited_and_a_market_order_at_the_market()
    {
        var oms = new OmsHarness();
        OrderId limit = oms.AcceptedBuy(100);
        OrderId market = oms.Create(OmsHarness.MarketSell(100)).Order;
        oms.Ack(market);

        Assert.Equal(ReasonCode.NonPositivePrice, oms.RequestReplace(limit, 150, 0).Reason.Code);
        Assert.Equal(ReasonCode.MalformedEvent, oms.RequestReplace(market, 150, OmsHarness.TenDollars).Reason.Code);
        Assert.Equal(OrderRequestOutcome.Send, oms.RequestReplace(market, 150, 0).Outcome);
    }

    [Fact]
    public void A_cancel_or_a_second_replace_while_a_replace_is_pending_is_refused_with_OrderRequestPending()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestReplace(order, 150);

        Assert.Equal(ReasonCode.OrderRequestPending, oms.RequestCancel(order).Reason.Code);
        Assert.Equal(ReasonCode.OrderRequestPending, oms.RequestReplace(order, 120).Reason.Code);
        Assert.Equal(OrderState.PendingReplace, oms[order].State);
    }

    [Fact]
    public void A_replace_for_an_ended_order_is_refused_with_OrderNotWorking()
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(OrderState.Filled);

        Assert.Equal(ReasonCode.OrderNotWorking, oms.RequestReplace(order, 150).Reason.Code);
    }

    [Fact]
    public void While_a_replace_is_pending_risk_sees_the_larger_total_as_leaving()
    {
        var oms = new OmsHarness();
        OrderId grow = oms.AcceptedBuy(100);
        OrderId shrink = oms.AcceptedBuy(100);

        oms.RequestReplace(grow, 150);
        oms.RequestReplace(shrink, 60);

        Assert.Equal((150L, 100L), (oms[grow].LeavesQuantity, oms[shrink].LeavesQuantity));
    }
}
