using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Execution.Support;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>Bad broker input — duplicates, illegal transitions, unknown orders, garbage — never corrupts state: it is
/// ignored (duplicates) or halts with a named reason and evidence, and changes nothing.</summary>
public sealed class OrderEventValidationTests
{
    [Theory]
    [InlineData(BrokerEventKind.Ack)]
    [InlineData(BrokerEventKind.Fill)]
    [InlineData(BrokerEventKind.CancelAck)]
    [InlineData(BrokerEventKind.CancelReject)]
    [InlineData(BrokerEventKind.ReplaceAck)]
    [InlineData(BrokerEventKind.ReplaceReject)]
    [InlineData(BrokerEventKind.Expired)]
    [InlineData(BrokerEventKind.Reject)]
    public void The_same_broker_message_applied_twice_changes_nothing_the_second_time(BrokerEventKind kind)
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(kind switch
        {
            BrokerEventKind.Ack or BrokerEventKind.Reject => OrderState.PendingNew,
            BrokerEventKind.CancelAck or BrokerEventKind.CancelReject => OrderState.PendingCancel,
            BrokerEventKind.ReplaceAck or BrokerEventKind.ReplaceReject => OrderState.PendingReplace,
            _ => OrderState.Accepted,
        });
        BrokerOrderEvent message = oms.Event(order, kind) with
        {
            BrokerOrderId = kind == BrokerEventKind.Ack ? OmsHarness.BrokerIdOf(order) : BrokerOrderId.None,
            FillId = 1,
            Quantity = kind == BrokerEventKind.ReplaceAck ? 150 : 10,
            Price = new Price(OmsHarness.TenDollars),
        };
        OmsHarness.Expect(OrderEventOutcome.Applied, oms.Apply(message));
        OmsSnapshot afterFirst = oms.Snapshot();

        OrderEventResult second = oms.Apply(message);

        Assert.Equal((OrderEventOutcome.DuplicateIgnored, order), (second.Outcome, second.Order));
        Assert.False(second.HasNewFill);
        Assert.Equal(afterFirst, oms.Snapshot());
    }

    [Fact]
    public void A_fill_on_a_rejected_order_halts_as_an_illegal_transition_with_the_order_its_state_and_the_event_as_evidence()
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(OrderState.Rejected);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Fill(order, 10);

        Assert.Equal((OrderEventOutcome.Halt, ReasonCode.IllegalOrderTransition), (result.Outcome, result.Reason.Code));
        Assert.Equal((order, oms[order].ClientOrderId, OrderState.Rejected, BrokerEventKind.Fill), (result.Order, result.ClientOrderId, result.From, result.Kind));
        Assert.Equal(((long)BrokerEventKind.Fill, (long)OrderState.Rejected), (result.Reason.Observed, result.Reason.Limit));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void An_ack_after_a_cancel_halts_as_an_illegal_transition()
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(OrderState.Canceled);

        OrderEventResult result = oms.Ack(order);

        Assert.Equal((ReasonCode.IllegalOrderTransition, OrderState.Canceled), (result.Reason.Code, result.From));
    }

    [Theory]
    [InlineData(OrderState.PendingNew, BrokerEventKind.CancelAck)]
    [InlineData(OrderState.PendingNew, BrokerEventKind.CancelReject)]
    [InlineData(OrderState.PendingNew, BrokerEventKind.ReplaceAck)]
    [InlineData(OrderState.PendingNew, BrokerEventKind.ReplaceReject)]
    [InlineData(OrderState.Accepted, BrokerEventKind.Reject)]
    [InlineData(OrderState.Accepted, BrokerEventKind.ReplaceAck)]
    [InlineData(OrderState.Accepted, BrokerEventKind.ReplaceReject)]
    [InlineData(OrderState.PartiallyFilled, BrokerEventKind.Reject)]
    [InlineData(OrderState.PendingCancel, BrokerEventKind.Reject)]
    [InlineData(OrderState.PendingCancel, BrokerEventKind.ReplaceAck)]
    [InlineData(OrderState.PendingReplace, BrokerEventKind.CancelAck)]
    [InlineData(OrderState.PendingReplace, BrokerEventKind.CancelReject)]
    [InlineData(OrderState.PendingReplace, BrokerEventKind.Expired)]
    [InlineData(OrderState.Filled, BrokerEventKind.CancelAck)]
    [InlineData(OrderState.Filled, BrokerEventKind.CancelReject)]
    [InlineData(OrderState.Filled, BrokerEventKind.Expired)]
    [InlineData(OrderState.Canceled, BrokerEventKind.CancelAck)]
    [InlineData(OrderState.Canceled, BrokerEventKind.CancelReject)]
    [InlineData(OrderState.Canceled, BrokerEventKind.Expired)]
    [InlineData(OrderState.Canceled, BrokerEventKind.ReplaceAck)]
    [InlineData(OrderState.Expired, BrokerEventKind.CancelAck)]
    [InlineData(OrderState.Expired, BrokerEventKind.Expired)]
    [InlineData(OrderState.Rejected, BrokerEventKind.Ack)]
    [InlineData(OrderState.Rejected, BrokerEventKind.Reject)]
    [InlineData(OrderState.Rejected, BrokerEventKind.Expired)]
    public void An_illegal_transition_halts_with_its_state_and_event_and_changes_nothing(OrderState state, BrokerEventKind kind)
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(state);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Apply(oms.Event(order, kind) with
        {
            BrokerOrderId = kind == BrokerEventKind.Ack ? new BrokerOrderId(4_444) : BrokerOrderId.None,
            Quantity = 150,
            Price = new Price(OmsHarness.TenDollars),
        });

        Assert.Equal((OrderEventOutcome.Halt, ReasonCode.IllegalOrderTransition), (result.Outcome, result.Reason.Code));
        Assert.Equal((state, state, kind), (result.From, result.To, result.Kind));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void A_halting_event_is_not_remembered_so_it_halts_again_when_repeated()
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(OrderState.Rejected);
        BrokerOrderEvent fill = oms.FillEvent(order, 10);

        OrderEventResult first = oms.Apply(fill);
        OrderEventResult second = oms.Apply(fill);

        Assert.Equal(first, second);
        Assert.Equal(0, oms.Oms.Fills.Length);
    }

    [Fact]
    public void An_event_for_an_order_of_an_earlier_run_halts_with_UnknownOrder()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);
        ClientOrderId current = oms[order].ClientOrderId;
        var earlierRun = new ClientOrderId(current.EngineId, current.RunId - 1, current.EventSequence, current.IntentIndex);

        OrderEventResult result = oms.Apply(oms.Event(order, BrokerEventKind.Ack) with { ClientOrderId = earlierRun, BrokerOrderId = new BrokerOrderId(1) });

        Assert.Equal((OrderEventOutcome.Halt, ReasonCode.UnknownOrder, OrderId.None), (result.Outcome, result.Reason.Code, result.Order));
        Assert.Equal(earlierRun, result.ClientOrderId);
    }

    [Fact]
    public void An_event_for_a_client_order_id_never_created_halts_with_UnknownOrder()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        OrderEventResult result = oms.Apply(oms.Event(order, BrokerEventKind.Reject) with
        {
            ClientOrderId = new ClientOrderId(OmsHarness.EngineId, OmsHarness.RunId, 999_999, 0),
        });

        Assert.Equal((ReasonCode.UnknownOrder, 999_999L), (result.Reason.Code, result.Reason.Observed));
    }

    [Fact]
    public void An_event_naming_only_an_unmapped_broker_id_halts_with_UnknownOrder()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        OrderEventResult result = oms.Apply(oms.FillEvent(order, 10) with { ClientOrderId = ClientOrderId.None, BrokerOrderId = new BrokerOrderId(123_456) });

        Assert.Equal((ReasonCode.UnknownOrder, 123_456L), (result.Reason.Code, result.Reason.Limit));
        Assert.Equal(0, oms[order].FilledQuantity);
    }

    [Fact]
    public void An_event_for_another_engines_order_halts_with_WrongEngine()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        OrderEventResult result = oms.Apply(oms.Event(order, BrokerEventKind.Reject) with { ClientOrderId = new ClientOrderId(4, OmsHarness.RunId, 101, 0) });

        Assert.Equal((ReasonCode.WrongEngine, 4L, (long)OmsHarness.EngineId), (result.Reason.Code, result.Reason.Observed, result.Reason.Limit));
    }

    public static TheoryData<string> MalformedEvents => ["kind none", "kind out of range", "message id 0", "no order named", "ack without broker id", "fill without fill id", "replace ack without total"];

    [Theory]
    [MemberData(nameof(MalformedEvents))]
    public void A_malformed_event_halts_and_changes_nothing(string malformation)
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(OrderState.PendingReplace);
        BrokerOrderEvent fill = oms.FillEvent(order, 10);
        BrokerOrderEvent malformed = malformation switch
        {
            "kind none" => fill with { Kind = BrokerEventKind.None },
            "kind out of range" => fill with { Kind = (BrokerEventKind)99 },
            "message id 0" => fill with { MessageId = 0 },
            "no order named" => fill with { ClientOrderId = ClientOrderId.None },
            "ack without broker id" => fill with { Kind = BrokerEventKind.Ack },
            "fill without fill id" => fill with { FillId = 0 },
            _ => fill with { Kind = BrokerEventKind.ReplaceAck, Quantity = 0 },
        };
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Apply(malformed);

        Assert.Equal(OrderEventOutcome.Halt, result.Outcome);
        Assert.Contains(result.Reason.Code, new[] { ReasonCode.MalformedEvent, ReasonCode.NonPositiveQuantity });
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void An_event_whose_broker_id_belongs_to_another_order_halts_with_BrokerOrderIdConflict()
    {
        var oms = new OmsHarness();
        OrderId first = oms.AcceptedBuy(100);
        OrderId second = oms.AcceptedBuy(100);

        OrderEventResult result = oms.Apply(oms.FillEvent(second, 10) with { BrokerOrderId = OmsHarness.BrokerIdOf(first) });

        Assert.Equal((ReasonCode.BrokerOrderIdConflict, second), (result.Reason.Code, result.Order));
        Assert.Equal(0, oms[first].FilledQuantity + oms[second].FilledQuantity);
    }

    [Fact]
    public void An_ack_naming_another_broker_id_than_the_fill_before_it_halts_with_BrokerOrderIdConflict()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);
        oms.Apply(oms.FillEvent(order, 10) with { BrokerOrderId = new BrokerOrderId(55) });

        OrderEventResult result = oms.Ack(order, new BrokerOrderId(56));

        Assert.Equal((ReasonCode.BrokerOrderIdConflict, 56L, 55L), (result.Reason.Code, result.Reason.Observed, result.Reason.Limit));
    }

    [Fact]
    public void A_fill_naming_a_new_broker_id_for_an_order_that_has_one_and_no_replace_pending_halts_with_BrokerOrderIdConflict()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        Assert.Equal(ReasonCode.BrokerOrderIdConflict, oms.Apply(oms.FillEvent(order, 10) with { BrokerOrderId = new BrokerOrderId(8) }).Reason.Code);
    }

    [Fact]
    public void Running_out_of_room_for_broker_messages_halts_with_CapacityExceeded_and_changes_nothing()
    {
        var oms = new OmsHarness(messageCapacity: 2);
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 10);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Fill(order, 10);

        Assert.Equal((ReasonCode.CapacityExceeded, 3L, 2L), (result.Reason.Code, result.Reason.Observed, result.Reason.Limit));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void Running_out_of_room_for_fills_halts_with_CapacityExceeded_and_changes_nothing()
    {
        var oms = new OmsHarness(fillCapacity: 1);
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 10);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Fill(order, 10);

        Assert.Equal((ReasonCode.CapacityExceeded, 2L, 1L), (result.Reason.Code, result.Reason.Observed, result.Reason.Limit));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void Running_out_of_room_for_broker_ids_halts_with_CapacityExceeded_and_leaves_the_order_unacknowledged()
    {
        var oms = new OmsHarness(brokerOrderIdCapacity: 1);
        oms.AcceptedBuy(100);
        OrderId second = oms.Buy(100);

        OrderEventResult result = oms.Ack(second);

        Assert.Equal(ReasonCode.CapacityExceeded, result.Reason.Code);
        Assert.Equal(OrderState.PendingNew, oms[second].State);
    }

    [Fact]
    public void A_duplicate_is_still_recognised_after_the_message_store_is_full()
    {
        var oms = new OmsHarness(messageCapacity: 2);
        OrderId order = oms.AcceptedBuy(100);
        BrokerOrderEvent fill = oms.FillEvent(order, 10);
        oms.Apply(fill);

        Assert.Equal(OrderEventOutcome.DuplicateIgnored, oms.Apply(fill).Outcome);
    }

    [Fact]
    public void A_halt_reads_as_one_line_naming_the_order_its_state_and_the_event()
    {
        var oms = new OmsHarness();
        OrderId order = oms.OrderIn(OrderState.Canceled);

        string line = oms.Ack(order).Describe();

        Assert.StartsWith("ILLEGAL_ORDER_TRANSITION: order E3-R7-S000000101-I0 in Canceled cannot take Ack (message ", line, StringComparison.Ordinal);
        Assert.EndsWith("; observed 1, limit 6", line, StringComparison.Ordinal);
    }
}
