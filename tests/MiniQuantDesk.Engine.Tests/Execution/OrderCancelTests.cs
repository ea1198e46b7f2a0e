using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Tests.Execution.Support;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>Cancels are requests: they target the mapped broker order, race with fills, and can be refused.</summary>
public sealed class OrderCancelTests
{
    [Fact]
    public void A_cancel_request_targets_the_mapped_broker_order_and_its_ack_ends_the_order_canceled()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        OrderRequestResult request = oms.RequestCancel(order);
        Assert.Equal((OrderRequestOutcome.Send, OmsHarness.BrokerIdOf(order)), (request.Outcome, request.Target));
        Assert.Equal(OrderState.PendingCancel, oms[order].State);
        OrderEventResult ack = oms.CancelAck(order);

        Assert.Equal((OrderState.PendingCancel, OrderState.Canceled), (ack.From, ack.To));
        Assert.Equal(0, oms[order].LeavesQuantity);
    }

    [Fact]
    public void A_fill_during_a_pending_cancel_is_applied_and_the_order_stays_pending_cancel()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestCancel(order);

        OrderEventResult fill = oms.Fill(order, 30);

        Assert.True(fill.HasNewFill);
        Assert.Equal((OrderState.PendingCancel, 30L, 70L), (oms[order].State, oms[order].FilledQuantity, oms[order].LeavesQuantity));
    }

    [Fact]
    public void A_fill_that_completes_the_order_during_a_pending_cancel_fills_it_and_the_late_cancel_reject_changes_nothing()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestCancel(order);

        Assert.Equal(OrderState.Filled, oms.Fill(order, 100).To);
        OrderEventResult tooLate = oms.CancelReject(order);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.Filled, OrderState.Filled), (tooLate.Outcome, tooLate.From, tooLate.To));
        Assert.False(oms[order].CancelOutstanding);
    }

    [Theory]
    [InlineData(0, OrderState.Accepted)]
    [InlineData(30, OrderState.PartiallyFilled)]
    public void A_cancel_reject_returns_the_order_to_its_prior_live_state(long filledBefore, OrderState expected)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        if (filledBefore > 0)
        {
            oms.Fill(order, filledBefore);
        }

        oms.RequestCancel(order);
        OrderEventResult reject = oms.CancelReject(order);

        Assert.Equal((OrderState.PendingCancel, expected), (reject.From, reject.To));
        Assert.Equal(100 - filledBefore, oms[order].LeavesQuantity);
    }

    [Fact]
    public void A_cancel_reject_after_a_fill_during_the_pending_cancel_returns_to_partially_filled()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestCancel(order);
        oms.Fill(order, 25);

        Assert.Equal(OrderState.PartiallyFilled, oms.CancelReject(order).To);
    }

    [Fact]
    public void A_late_fill_after_a_cancel_is_applied_and_the_order_stays_canceled()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestCancel(order);
        oms.CancelAck(order);

        OrderEventResult late = oms.Fill(order, 40);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.Canceled, OrderState.Canceled), (late.Outcome, late.From, late.To));
        Assert.True(late.HasNewFill);
        Assert.Equal((40L, 0L), (oms[order].FilledQuantity, oms[order].LeavesQuantity));
    }

    [Fact]
    public void A_late_fill_after_a_cancel_is_applied_and_the_order_ends_filled()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 60);
        oms.RequestCancel(order);
        oms.CancelAck(order);

        OrderEventResult late = oms.Fill(order, 40);

        Assert.Equal((OrderState.Canceled, OrderState.Filled), (late.From, late.To));
        Assert.Equal(100, oms[order].FilledQuantity);
    }

    [Fact]
    public void A_late_fill_after_a_cancel_is_still_held_to_the_quantity()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestCancel(order);
        oms.CancelAck(order);

        Assert.Equal(ReasonCode.Overfill, oms.Fill(order, 101).Reason.Code);
    }

    [Fact]
    public void A_late_fill_after_an_expiry_is_applied_and_the_order_stays_expired()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.Expired(order);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.Expired), (oms.Fill(order, 10).Outcome, oms[order].State));
    }

    [Fact]
    public void A_cancel_before_the_broker_named_the_order_is_queued_and_becomes_due_with_the_ack()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        OrderRequestResult request = oms.RequestCancel(order);
        Assert.Equal((OrderRequestOutcome.Queued, OrderState.PendingNew), (request.Outcome, oms[order].State));
        OrderEventResult ack = oms.Ack(order);

        Assert.Equal((OrderState.PendingNew, OrderState.PendingCancel), (ack.From, ack.To));
        Assert.True(ack.IsCancelDue);
        Assert.Equal(OmsHarness.BrokerIdOf(order), ack.CancelDueTarget);
        Assert.Equal(OrderState.Canceled, oms.CancelAck(order).To);
    }

    [Fact]
    public void A_queued_cancel_once_due_counts_as_sent_so_the_brokers_too_late_answer_after_a_full_fill_is_expected()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);
        oms.RequestCancel(order);
        oms.Ack(order);
        oms.Fill(order, 100);

        OrderEventResult tooLate = oms.CancelReject(order);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.Filled), (tooLate.Outcome, tooLate.To));
    }

    [Fact]
    public void A_queued_cancel_becomes_due_with_a_fill_before_ack_that_names_the_broker_order()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);
        oms.RequestCancel(order);

        OrderEventResult fill = oms.Apply(oms.FillEvent(order, 10) with { BrokerOrderId = new BrokerOrderId(55) });

        Assert.Equal((OrderState.PendingCancel, new BrokerOrderId(55)), (fill.To, fill.CancelDueTarget));
        Assert.True(fill.HasNewFill);
    }

    [Fact]
    public void A_queued_cancel_waits_through_a_fill_that_does_not_name_the_broker_order()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);
        oms.RequestCancel(order);

        OrderEventResult fill = oms.Fill(order, 10);
        OrderEventResult ack = oms.Ack(order);

        Assert.Equal((OrderState.PartiallyFilled, false), (fill.To, fill.IsCancelDue));
        Assert.Equal((OrderState.PendingCancel, true), (ack.To, ack.IsCancelDue));
    }

    [Fact]
    public void A_queued_cancel_is_dropped_when_the_order_is_rejected_or_filled_first()
    {
        var oms = new OmsHarness();
        OrderId rejected = oms.Buy(100);
        OrderId filled = oms.Buy(100);
        oms.RequestCancel(rejected);
        oms.RequestCancel(filled);

        OrderEventResult reject = oms.Reject(rejected);
        OrderEventResult fill = oms.Fill(filled, 100);

        Assert.Equal((OrderState.Rejected, false), (reject.To, reject.IsCancelDue));
        Assert.Equal((OrderState.Filled, false), (fill.To, fill.IsCancelDue));
        Assert.False(oms[rejected].CancelQueued || oms[filled].CancelQueued);
    }

    [Theory]
    [InlineData(OrderState.Filled)]
    [InlineData(OrderState.Canceled)]
    [InlineData(OrderState.Rejected)]
    [InlineData(OrderState.Expired)]
    public void A_cancel_request_for_an_ended_order_is_refused_with_OrderNotWorking(OrderState ended)
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(ended);
        OmsSnapshot before = oms.Snapshot();

        OrderRequestResult request = oms.RequestCancel(order);

        Assert.Equal((OrderRequestOutcome.Refused, ReasonCode.OrderNotWorking), (request.Outcome, request.Reason.Code));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void A_second_cancel_while_one_is_pending_or_queued_is_refused_with_OrderRequestPending()
    {
        var oms = new OmsHarness();
        OrderId pending = oms.AcceptedBuy(100);
        OrderId queued = oms.Buy(100);
        oms.RequestCancel(pending);
        oms.RequestCancel(queued);

        Assert.Equal(ReasonCode.OrderRequestPending, oms.RequestCancel(pending).Reason.Code);
        Assert.Equal(ReasonCode.OrderRequestPending, oms.RequestCancel(queued).Reason.Code);
    }

    [Fact]
    public void A_cancel_request_for_an_order_this_oms_does_not_hold_is_refused_with_UnknownOrder()
    {
        var oms = new OmsHarness();

        Assert.Equal(ReasonCode.UnknownOrder, oms.RequestCancel(new OrderId(5)).Reason.Code);
    }

    [Theory]
    [InlineData(0, OrderState.Accepted)]
    [InlineData(30, OrderState.PartiallyFilled)]
    public void An_unsolicited_cancel_from_the_broker_ends_a_working_order_canceled(long filledBefore, OrderState from)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        if (filledBefore > 0)
        {
            oms.Fill(order, filledBefore);
        }

        OrderEventResult cancel = oms.CancelAck(order);

        Assert.Equal((OrderEventOutcome.Applied, from, OrderState.Canceled), (cancel.Outcome, cancel.From, cancel.To));
    }

    [Fact]
    public void A_cancel_reject_without_a_cancel_outstanding_halts_as_an_illegal_transition()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        Assert.Equal(ReasonCode.IllegalOrderTransition, oms.CancelReject(order).Reason.Code);
    }

    [Fact]
    public void An_order_that_expired_while_a_cancel_was_on_its_way_takes_the_cancel_reject_without_change()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.RequestCancel(order);
        oms.Expired(order);

        OrderEventResult reject = oms.CancelReject(order);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.Expired), (reject.Outcome, reject.To));
        Assert.Equal(ReasonCode.IllegalOrderTransition, oms.CancelReject(order).Reason.Code);
    }
}
