using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Execution.Support;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>The OMS allocates at construction and never again: creating orders and applying broker events on the
/// hot path allocates nothing (per-thread allocation counter, after a warm-up that JIT-compiles every path).</summary>
public sealed class OrderManagerAllocationTests
{
    [Fact]
    public void Creating_orders_and_applying_a_million_broker_events_allocates_nothing()
    {
        // Each order is created and acknowledged, then takes one of three shapes in turn: two fills to the end; a
        // fill, a cancel request and the cancel ack; or a fill, that fill again (duplicate) and an illegal reject
        // (halt). That is 10 broker events per 3 orders, so 300,000 orders make a million events.
        const int warmUpOrders = 3_000;
        const int measuredOrders = 300_000;
        const int totalOrders = warmUpOrders + measuredOrders;
        var oms = new OrderManager(
            OmsHarness.EngineId,
            OmsHarness.RunId,
            orderCapacity: totalOrders,
            fillCapacity: totalOrders * 2,
            messageCapacity: totalOrders * 4,
            brokerOrderIdCapacity: totalOrders);
        OrderIntent intent = OmsHarness.LimitBuy(100);
        long message = 0;
        long fillId = 0;
        long events = 0;
        long duplicates = 0;

        void Run(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                OrderId order = oms.Create(in intent, i, 0, i).Order;
                ClientOrderId client = oms.Get(order).ClientOrderId;
                var brokerEvent = new BrokerOrderEvent { ClientOrderId = client, Symbol = intent.Symbol, Side = intent.Side, EventTimeNs = i, Price = new Price(OmsHarness.TenDollars) };
                Apply(ref brokerEvent, BrokerEventKind.Ack, brokerOrderId: 1 + i, quantity: 0);
                switch (i % 3)
                {
                    case 0:
                        Apply(ref brokerEvent, BrokerEventKind.Fill, 0, 40);
                        Apply(ref brokerEvent, BrokerEventKind.Fill, 0, 60);
                        break;
                    case 1:
                        Apply(ref brokerEvent, BrokerEventKind.Fill, 0, 30);
                        oms.RequestCancel(order, i);
                        Apply(ref brokerEvent, BrokerEventKind.CancelAck, 0, 0);
                        break;
                    default:
                        Apply(ref brokerEvent, BrokerEventKind.Fill, 0, 30);
                        duplicates += oms.Apply(in brokerEvent).Outcome == OrderEventOutcome.DuplicateIgnored ? 1 : 0;
                        events++;
                        Apply(ref brokerEvent, BrokerEventKind.Reject, 0, 0);
                        break;
                }
            }
        }

        void Apply(ref BrokerOrderEvent brokerEvent, BrokerEventKind kind, long brokerOrderId, long quantity)
        {
            brokerEvent.Kind = kind;
            brokerEvent.MessageId = ++message;
            brokerEvent.BrokerOrderId = new BrokerOrderId(brokerOrderId);
            brokerEvent.FillId = kind == BrokerEventKind.Fill ? ++fillId : 0;
            brokerEvent.Quantity = quantity;
            oms.Apply(in brokerEvent);
            events++;
        }

        Run(0, warmUpOrders);
        events = 0;
        duplicates = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(warmUpOrders, totalOrders);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal((1_000_000L, measuredOrders / 3L), (events, duplicates));
        Assert.Equal(
            [OrderState.Filled, OrderState.Canceled, OrderState.PartiallyFilled],
            oms.Orders[^3..].ToArray().Select(order => order.State));
    }
}
