using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Execution.Support;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>The ordinary life of an order: created, acknowledged, filled, with its quantities and average price.</summary>
public sealed class OrderLifecycleTests
{
    [Fact]
    public void A_new_order_is_pending_new_with_its_whole_quantity_leaving_and_no_broker_id()
    {
        var oms = new OmsHarness();

        OrderId order = oms.Buy(100);

        Assert.Equal(OrderState.PendingNew, oms[order].State);
        Assert.Equal((100L, 0L, 100L), (oms[order].Quantity, oms[order].FilledQuantity, oms[order].LeavesQuantity));
        Assert.False(oms[order].BrokerOrderId.IsSet);
    }

    [Fact]
    public void An_ack_accepts_the_order_and_maps_its_broker_id_to_it()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        OrderEventResult result = oms.Ack(order, new BrokerOrderId(4242));

        Assert.Equal((OrderEventOutcome.Applied, OrderState.PendingNew, OrderState.Accepted), (result.Outcome, result.From, result.To));
        Assert.Equal(new BrokerOrderId(4242), oms[order].BrokerOrderId);
        Assert.True(oms.Oms.BrokerOrders.TryFind(new BrokerOrderId(4242), out OrderId mapped));
        Assert.Equal(order, mapped);
    }

    [Fact]
    public void Partial_fills_then_the_rest_fill_the_order_and_each_fill_is_reported_new_once()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        OrderEventResult first = oms.Fill(order, 40, feeMicros: 1_000);
        Assert.Equal((OrderState.PartiallyFilled, 60L), (oms[order].State, oms[order].LeavesQuantity));
        OrderEventResult second = oms.Fill(order, 60, feeMicros: 2_000);

        Assert.True(first.HasNewFill && second.HasNewFill);
        Assert.Equal((40L, 60L), (first.Fill.Quantity, second.Fill.Quantity));
        Assert.Equal((OrderState.Filled, 100L, 0L), (oms[order].State, oms[order].FilledQuantity, oms[order].LeavesQuantity));
        Assert.Equal(new Money(3_000), oms[order].Fees);
        Assert.Equal([first.Fill, second.Fill], oms.Oms.Fills.ToArray());
    }

    [Fact]
    public void The_average_fill_price_is_volume_weighted_and_rounded_half_away_from_zero_to_a_micro()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(4);
        Assert.Equal(default, oms[order].AverageFillPrice);

        oms.Fill(order, 1, 10_000_001);
        oms.Fill(order, 1, 10_000_002);
        Assert.Equal(new Price(10_000_002), oms[order].AverageFillPrice); // 10.0000015 rounds up
        oms.Fill(order, 2, 10_000_000);

        Assert.Equal(new Price(10_000_001), oms[order].AverageFillPrice); // 10.00000075 rounds up
    }

    [Fact]
    public void A_rejected_order_ends_rejected_with_nothing_leaving()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        OrderEventResult result = oms.Reject(order);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.Rejected), (result.Outcome, result.To));
        Assert.Equal(0, oms[order].LeavesQuantity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void A_working_order_that_expires_ends_expired_with_nothing_leaving(long filledFirst)
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);
        if (filledFirst > 0)
        {
            oms.Fill(order, filledFirst);
        }

        OrderEventResult result = oms.Expired(order);

        Assert.Equal((OrderEventOutcome.Applied, OrderState.Expired), (result.Outcome, result.To));
        Assert.Equal((filledFirst, 0L), (oms[order].FilledQuantity, oms[order].LeavesQuantity));
    }

    [Fact]
    public void An_order_the_broker_expires_before_acknowledging_it_ends_expired()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        Assert.Equal(OrderState.Expired, oms.Expired(order).To);
    }

    [Fact]
    public void An_event_naming_only_the_broker_id_finds_its_order_through_the_map()
    {
        var oms = new OmsHarness();
        OrderId order = oms.AcceptedBuy(100);

        OrderEventResult result = oms.Apply(oms.FillEvent(order, 10) with { ClientOrderId = ClientOrderId.None, BrokerOrderId = OmsHarness.BrokerIdOf(order) });

        Assert.Equal((OrderEventOutcome.Applied, order), (result.Outcome, result.Order));
        Assert.Equal(10, oms[order].FilledQuantity);
    }

    [Fact]
    public void Orders_are_found_by_their_client_order_id()
    {
        var oms = new OmsHarness();
        OrderId first = oms.Buy(1);
        OrderId second = oms.Buy(2);
        OrderId third = oms.Buy(3);

        Assert.True(oms.Oms.TryFind(oms[second].ClientOrderId, out OrderId found));
        Assert.Equal(second, found);
        Assert.True(oms.Oms.TryFind(oms[first].ClientOrderId, out found) && found == first);
        Assert.True(oms.Oms.TryFind(oms[third].ClientOrderId, out found) && found == third);
        Assert.False(oms.Oms.TryFind(new ClientOrderId(OmsHarness.EngineId, OmsHarness.RunId, 1, 0), out _));
    }

    [Fact]
    public void An_applied_event_reads_as_one_line_with_the_order_and_the_transition()
    {
        var oms = new OmsHarness();
        OrderId order = oms.Buy(100);

        string line = oms.Ack(order).Describe();

        Assert.StartsWith("APPLIED: order E3-R7-S000000101-I0 PendingNew -> Accepted on Ack (message ", line, StringComparison.Ordinal);
    }
}
