using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Execution.Support;
using PortfolioFill = MiniQuantDesk.Engine.Portfolio.Fill;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>Fills: before the ack, beyond the quantity, exactly once, with checked arithmetic.</summary>
public sealed class OrderFillTests
{
    [Fact]
    public void A_fill_before_the_ack_acknowledges_the_order_implicitly_and_maps_its_broker_id()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        OrderEventResult result = oms.Apply(oms.FillEvent(order, 30) with { BrokerOrderId = new BrokerOrderId(77) });

        Assert.Equal((OrderEventOutcome.Applied, OrderState.PendingNew, OrderState.PartiallyFilled), (result.Outcome, result.From, result.To));
        Assert.True(result.HasNewFill);
        Assert.Equal(new BrokerOrderId(77), oms[order].BrokerOrderId);
        Assert.True(oms.Oms.BrokerOrders.TryFind(new BrokerOrderId(77), out OrderId mapped) && mapped == order);
    }

    [Fact]
    public void A_fill_before_the_ack_of_the_whole_quantity_fills_the_order()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        Assert.Equal(OrderState.Filled, oms.Fill(order, 100).To);
    }

    [Fact]
    public void The_ack_that_follows_a_fill_before_ack_is_taken_once_and_changes_only_the_ack_flag()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);
        oms.Apply(oms.FillEvent(order, 100) with { BrokerOrderId = OmsHarness.BrokerIdOf(order) });

        OrderEventResult lateAck = oms.Ack(order);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.Filled, OrderState.Filled), (lateAck.Outcome, lateAck.From, lateAck.To));
        Assert.True(oms[order].AckReceived);
        Assert.Equal(100, oms[order].FilledQuantity);
    }

    [Fact]
    public void The_ack_that_follows_a_fill_before_ack_leaves_a_pending_replace_pending()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);
        oms.Apply(oms.FillEvent(order, 30) with { BrokerOrderId = OmsHarness.BrokerIdOf(order) });
        oms.RequestReplace(order, 150);

        OrderEventResult lateAck = oms.Ack(order);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.PendingReplace, OrderState.PendingReplace), (lateAck.Outcome, lateAck.From, lateAck.To));
        Assert.Equal(150, oms[order].RequestedQuantity);
    }

    [Fact]
    public void A_second_ack_in_a_new_message_halts_as_an_illegal_transition()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Ack(order);

        Assert.Equal((OrderEventOutcome.Halt, ReasonCode.IllegalOrderTransition), (result.Outcome, result.Reason.Code));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void A_fill_beyond_the_total_quantity_halts_with_Overfill_and_evidence_and_changes_nothing()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 70);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Fill(order, 31);

        Assert.Equal((OrderEventOutcome.Halt, ReasonCode.Overfill), (result.Outcome, result.Reason.Code));
        Assert.Equal((101L, 100L), (result.Reason.Observed, result.Reason.Limit));
        Assert.Equal((order, OrderState.PartiallyFilled, BrokerEventKind.Fill), (result.Order, result.From, result.Kind));
        Assert.False(result.HasNewFill);
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void A_fill_on_a_filled_order_halts_with_Overfill()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 100);

        Assert.Equal(ReasonCode.Overfill, oms.Fill(order, 1).Reason.Code);
    }

    [Fact]
    public void A_fill_of_the_largest_quantity_on_a_partly_filled_order_halts_with_Overfill_without_wrapping()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 1);

        OrderEventResult result = oms.Fill(order, long.MaxValue, priceMicros: 1);

        Assert.Equal((ReasonCode.Overfill, long.MaxValue), (result.Reason.Code, result.Reason.Observed));
    }

    [Fact]
    public void A_fill_whose_notional_does_not_fit_64_bits_of_micros_halts_with_ArithmeticOverflow()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(10_000_000);
        oms.Ack(order);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Fill(order, 10_000_000, priceMicros: long.MaxValue / 1_000);

        Assert.Equal(ReasonCode.ArithmeticOverflow, result.Reason.Code);
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void Fees_that_overflow_halt_with_ArithmeticOverflow()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        oms.Fill(order, 1, feeMicros: long.MaxValue);

        Assert.Equal(ReasonCode.ArithmeticOverflow, oms.Fill(order, 1, feeMicros: 1).Reason.Code);
    }

    [Theory]
    [InlineData(0, 10_000_000, ReasonCode.NonPositiveQuantity)]
    [InlineData(-5, 10_000_000, ReasonCode.NonPositiveQuantity)]
    [InlineData(10, 0, ReasonCode.NonPositivePrice)]
    [InlineData(10, -1, ReasonCode.NonPositivePrice)]
    public void A_fill_with_a_non_positive_quantity_or_price_halts_with_a_named_reason(long quantity, long priceMicros, ReasonCode expected)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Fill(order, quantity, priceMicros);

        Assert.Equal((OrderEventOutcome.Halt, expected), (result.Outcome, result.Reason.Code));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void A_fill_with_a_negative_fee_halts_as_malformed_as_the_portfolio_would_refuse_it()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        OrderEventResult result = oms.Fill(order, 10, feeMicros: -1);

        Assert.Equal((ReasonCode.MalformedEvent, -1L), (result.Reason.Code, result.Reason.Observed));
        Assert.Equal(0, oms[order].FilledQuantity);
    }

    [Fact]
    public void A_new_fill_reaches_the_portfolio_with_every_term_of_the_execution()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        OrderEventResult result = oms.Fill(order, 10, priceMicros: 10_500_000, feeMicros: 1_000);
        PortfolioFill fill = result.Fill.ForPortfolio(oms.Oms.EngineId);

        Assert.Equal(
            new PortfolioFill(OmsHarness.EngineId, result.Fill.FillId, OmsHarness.Symbol, Side.Buy, 10, new Price(10_500_000), new Money(1_000), result.Fill.EventTimeNs),
            fill);
    }

    [Fact]
    public void A_fill_delivered_twice_under_different_messages_is_applied_once()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        BrokerOrderEvent fill = oms.FillEvent(order, 40);
        oms.Apply(fill);

        OrderEventResult again = oms.Apply(fill with { MessageId = fill.MessageId + 10_000 });

        Assert.Equal(OrderEventOutcome.DuplicateIgnored, again.Outcome);
        Assert.False(again.HasNewFill);
        Assert.Equal((40L, 1), (oms[order].FilledQuantity, oms.Oms.Fills.Length));
    }

    [Theory]
    [InlineData(41, 10_000_000, 0)]
    [InlineData(40, 10_000_001, 0)]
    [InlineData(40, 10_000_000, 5)]
    public void A_fill_id_that_comes_back_with_other_terms_halts_with_ConflictingFill(long quantity, long priceMicros, long feeMicros)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        BrokerOrderEvent fill = oms.FillEvent(order, 40);
        oms.Apply(fill);
        OmsSnapshot before = oms.Snapshot();

        OrderEventResult result = oms.Apply(fill with
        {
            MessageId = fill.MessageId + 10_000,
            Quantity = quantity,
            Price = new Price(priceMicros),
            Fee = new Money(feeMicros),
        });

        Assert.Equal((OrderEventOutcome.Halt, ReasonCode.ConflictingFill), (result.Outcome, result.Reason.Code));
        Assert.Equal((fill.FillId, 0L), (result.Reason.Observed, result.Reason.Limit));
        Assert.Equal(before, oms.Snapshot());
    }

    [Fact]
    public void A_fill_id_already_applied_to_another_order_halts_with_ConflictingFill()
    {
        var oms = new OmsHarness();
        OrderId first = oms.AcceptedBuy(100);
        OrderId second = oms.AcceptedBuy(100);
        BrokerOrderEvent fill = oms.FillEvent(first, 40);
        oms.Apply(fill);

        OrderEventResult result = oms.Apply(oms.FillEvent(second, 40) with { FillId = fill.FillId });

        Assert.Equal(ReasonCode.ConflictingFill, result.Reason.Code);
        Assert.Equal(0, oms[second].FilledQuantity);
    }
}
