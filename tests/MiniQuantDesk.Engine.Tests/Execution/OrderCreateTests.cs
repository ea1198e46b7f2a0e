using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Execution.Support;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>Creating orders: deterministic ids, refused intents, bounded store.</summary>
public sealed class OrderCreateTests
{
    [Fact]
    public void Client_order_ids_derive_from_engine_run_sequence_and_intent_so_a_replay_creates_the_same_ids()
    {
        OrderIntent intent = OmsHarness.LimitBuy(100);
        var live = new OrderManager(engineId: 3, runId: 7);
        var replay = new OrderManager(engineId: 3, runId: 7);

        OrderCreateResult[] first = [live.Create(in intent, 41, 0, 10), live.Create(in intent, 41, 1, 10), live.Create(in intent, 57, 0, 20)];
        OrderCreateResult[] again = [replay.Create(in intent, 41, 0, 10), replay.Create(in intent, 41, 1, 10), replay.Create(in intent, 57, 0, 20)];

        Assert.Equal(first, again);
        Assert.Equal(["E3-R7-S000000041-I0", "E3-R7-S000000041-I1", "E3-R7-S000000057-I0"], first.Select(created => created.ClientOrderId.ToString()));
    }

    [Theory]
    [InlineData(41, 1)]
    [InlineData(40, 5)]
    public void A_client_order_id_not_after_the_last_one_halts_with_ClientOrderIdOutOfOrder_and_creates_nothing(long sequence, int intent)
    {
        var oms = new OrderManager(3, 7);
        OrderIntent buy = OmsHarness.LimitBuy(100);
        oms.Create(in buy, 41, 1, 10);

        OrderCreateResult result = oms.Create(in buy, sequence, intent, 11);

        Assert.Equal(ReasonCode.ClientOrderIdOutOfOrder, result.Reason.Code);
        Assert.False(result.IsCreated);
        Assert.Equal(1, oms.Orders.Length);
    }

    public static TheoryData<OrderIntent, ReasonCode> MalformedIntents => new()
    {
        { OmsHarness.LimitBuy(0), ReasonCode.NonPositiveQuantity },
        { OmsHarness.LimitBuy(-5), ReasonCode.NonPositiveQuantity },
        { OmsHarness.LimitBuy(100, limitMicros: 0), ReasonCode.NonPositivePrice },
        { OmsHarness.LimitBuy(100, limitMicros: -1), ReasonCode.NonPositivePrice },
        { OmsHarness.MarketSell(100) with { LimitPrice = new Price(1) }, ReasonCode.MalformedEvent },
        { OmsHarness.LimitBuy(100) with { Side = Side.None }, ReasonCode.MalformedEvent },
        { OmsHarness.LimitBuy(100) with { Type = OrderType.None }, ReasonCode.MalformedEvent },
        { OmsHarness.LimitBuy(100) with { TimeInForce = TimeInForce.None }, ReasonCode.MalformedEvent },
        { OmsHarness.LimitBuy(100) with { TimeInForce = (TimeInForce)42 }, ReasonCode.MalformedEvent },
        { OmsHarness.LimitBuy(100) with { Symbol = SymbolId.None }, ReasonCode.UnknownSymbol },
    };

    [Theory]
    [MemberData(nameof(MalformedIntents))]
    public void A_malformed_intent_halts_with_a_named_reason_and_creates_nothing(OrderIntent intent, ReasonCode expected)
    {
        var oms = new OmsHarness();

        OrderCreateResult result = oms.Create(in intent);

        Assert.Equal((false, expected), (result.IsCreated, result.Reason.Code));
        Assert.Equal(0, oms.Oms.Orders.Length);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(5, 65_536)]
    public void An_event_sequence_or_intent_index_out_of_range_halts_as_malformed(long sequence, int intent)
    {
        var oms = new OrderManager(3, 7);
        OrderIntent buy = OmsHarness.LimitBuy(100);

        Assert.Equal(ReasonCode.MalformedEvent, oms.Create(in buy, sequence, intent, 0).Reason.Code);
    }

    [Fact]
    public void A_market_order_has_no_limit_and_is_accepted()
    {
        var oms = new OmsHarness();

        OrderCreateResult result = oms.Create(OmsHarness.MarketSell(50));

        Assert.True(result.IsCreated);
        Assert.Equal((OrderType.Market, default(Price)), (oms[result.Order].Type, oms[result.Order].LimitPrice));
    }

    [Fact]
    public void Creating_more_orders_than_the_capacity_halts_with_CapacityExceeded_instead_of_growing()
    {
        var oms = new OmsHarness(orderCapacity: 2);
        oms.Buy(1);
        oms.Buy(1);

        OrderCreateResult third = oms.Create(OmsHarness.LimitBuy(1));

        Assert.Equal((ReasonCode.CapacityExceeded, 3L, 2L), (third.Reason.Code, third.Reason.Observed, third.Reason.Limit));
        Assert.Equal(2, oms.Oms.Orders.Length);
    }
}
