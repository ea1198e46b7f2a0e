using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Tests.Execution.Support;

/// <summary>
/// Drives an <see cref="OrderManager"/> the way a gateway and a broker adapter would, with fresh message, fill and
/// event-sequence numbers for each call, so a scenario reads as the conversation it tests. Broker ids are
/// <see cref="BrokerIdOf"/> unless a test names another.
/// </summary>
internal sealed class OmsHarness
{
    public const int EngineId = 3;
    public const long RunId = 7;
    public const long TenDollars = 10 * Micros.PerUnit;
    public static readonly SymbolId Symbol = new(1);

    private long _sequence = 100;
    private long _message = 1_000;
    private long _fill = 5_000;
    private long _time = 1_700_000_000_000_000_000;

    public OmsHarness(int orderCapacity = 64, int fillCapacity = 256, int messageCapacity = 1_024, int brokerOrderIdCapacity = 128) =>
        Oms = new OrderManager(EngineId, RunId, orderCapacity, fillCapacity, messageCapacity, brokerOrderIdCapacity);

    public OrderManager Oms { get; }

    public static BrokerOrderId BrokerIdOf(OrderId order) => new(900 + order.Value);

    public static OrderIntent LimitBuy(long quantity, long limitMicros = TenDollars) =>
        new(Symbol, Side.Buy, quantity, OrderType.Limit, new Price(limitMicros), TimeInForce.Day);

    public static OrderIntent MarketSell(long quantity) =>
        new(Symbol, Side.Sell, quantity, OrderType.Market, default, TimeInForce.Day);

    public ref readonly Order this[OrderId order] => ref Oms.Get(order);

    public OrderCreateResult Create(in OrderIntent intent) => Oms.Create(in intent, ++_sequence, 0, ++_time);

    /// <summary>Creates a limit buy at $10 and fails the test if it was not created.</summary>
    public OrderId Buy(long quantity, long limitMicros = TenDollars)
    {
        OrderCreateResult created = Create(LimitBuy(quantity, limitMicros));
        Assert.True(created.IsCreated, created.Reason.Describe());
        return created.Order;
    }

    /// <summary>A limit buy the broker has acknowledged.</summary>
    public OrderId AcceptedBuy(long quantity)
    {
        OrderId order = Buy(quantity);
        Expect(OrderEventOutcome.Applied, Ack(order));
        return order;
    }

    /// <summary>An order of 100 brought to <paramref name="state"/> by the broker's events.</summary>
    public OrderId OrderIn(OrderState state)
    {
        OrderId order = Buy(100);
        if (state == OrderState.PendingNew)
        {
            return order;
        }

        if (state == OrderState.Rejected)
        {
            Reject(order);
            return order;
        }

        Ack(order);
        switch (state)
        {
            case OrderState.PartiallyFilled:
                Fill(order, 40);
                break;
            case OrderState.Filled:
                Fill(order, 100);
                break;
            case OrderState.PendingCancel:
                RequestCancel(order);
                break;
            case OrderState.Canceled:
                RequestCancel(order);
                CancelAck(order);
                break;
            case OrderState.PendingReplace:
                RequestReplace(order, 150);
                break;
            case OrderState.Expired:
                Expired(order);
                break;
        }

        Assert.Equal(state, Oms.Get(order).State);
        return order;
    }

    /// <summary>A fresh event for <paramref name="order"/>, named by its client order id.</summary>
    public BrokerOrderEvent Event(OrderId order, BrokerEventKind kind) => new()
    {
        Kind = kind,
        ClientOrderId = Oms.Get(order).ClientOrderId,
        Symbol = Oms.Get(order).Symbol,
        Side = Oms.Get(order).Side,
        MessageId = ++_message,
        EventTimeNs = ++_time,
    };

    public OrderEventResult Apply(BrokerOrderEvent brokerEvent) => Oms.Apply(in brokerEvent);

    public OrderEventResult Ack(OrderId order) => Ack(order, BrokerIdOf(order));

    public OrderEventResult Ack(OrderId order, BrokerOrderId brokerOrderId) =>
        Apply(Event(order, BrokerEventKind.Ack) with { BrokerOrderId = brokerOrderId });

    public OrderEventResult Reject(OrderId order) => Apply(Event(order, BrokerEventKind.Reject));

    public BrokerOrderEvent FillEvent(OrderId order, long quantity, long priceMicros = TenDollars, long feeMicros = 0) =>
        Event(order, BrokerEventKind.Fill) with { FillId = ++_fill, Quantity = quantity, Price = new Price(priceMicros), Fee = new Money(feeMicros) };

    public OrderEventResult Fill(OrderId order, long quantity, long priceMicros = TenDollars, long feeMicros = 0) =>
        Apply(FillEvent(order, quantity, priceMicros, feeMicros));

    public OrderEventResult CancelAck(OrderId order) => Apply(Event(order, BrokerEventKind.CancelAck));

    public OrderEventResult CancelReject(OrderId order) => Apply(Event(order, BrokerEventKind.CancelReject));

    public OrderEventResult ReplaceAck(OrderId order, long quantity, long limitMicros, BrokerOrderId brokerOrderId = default) =>
        Apply(Event(order, BrokerEventKind.ReplaceAck) with { Quantity = quantity, Price = new Price(limitMicros), BrokerOrderId = brokerOrderId });

    public OrderEventResult ReplaceReject(OrderId order) => Apply(Event(order, BrokerEventKind.ReplaceReject));

    public OrderEventResult Expired(OrderId order) => Apply(Event(order, BrokerEventKind.Expired));

    public OrderRequestResult RequestCancel(OrderId order) => Oms.RequestCancel(order, ++_time);

    public OrderRequestResult RequestReplace(OrderId order, long quantity, long limitMicros = TenDollars) =>
        Oms.RequestReplace(order, quantity, new Price(limitMicros), ++_time);

    /// <summary>Everything the OMS holds, as values, to show that something changed nothing.</summary>
    public OmsSnapshot Snapshot() => OmsSnapshot.Of(Oms);

    public static void Expect(OrderEventOutcome expected, OrderEventResult result) =>
        Assert.True(result.Outcome == expected, $"expected {expected}, got {result.Describe()}");
}
