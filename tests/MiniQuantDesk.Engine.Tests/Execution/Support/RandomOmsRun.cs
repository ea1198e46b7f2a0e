using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Tests.Execution.Support;

/// <summary>
/// Random OMS runs: five orders (limit and market, 10 to 1,000 shares), then broker events and engine requests
/// drawn from small pools, so that the same ids, fills and messages come back often (duplicates), and garbage
/// mixes in: unknown and foreign orders, bad kinds, zero ids, non-positive and extreme quantities, prices and fees,
/// broker ids of other orders. Events that end an order are drawn less often than the rest, so that orders live
/// long enough for requests, races and late events to happen (a test below checks every legal transition is
/// reached).
/// </summary>
internal static class RandomOmsRun
{
    public const int EngineId = 3;
    public const long RunId = 7;

    private static readonly OrderIntent[] s_intents =
    [
        new(new SymbolId(1), Side.Buy, 100, OrderType.Limit, new Price(10_000_000), TimeInForce.Day),
        new(new SymbolId(2), Side.Sell, 50, OrderType.Market, default, TimeInForce.GoodTillCanceled),
        new(new SymbolId(1), Side.Buy, 10, OrderType.Limit, new Price(5_000_000), TimeInForce.ImmediateOrCancel),
        new(new SymbolId(3), Side.Sell, 1_000, OrderType.Limit, new Price(12_000_000), TimeInForce.Day),
        new(new SymbolId(2), Side.Buy, 300, OrderType.Market, default, TimeInForce.Day),
    ];

    private static readonly ClientOrderId[] s_ours = [ClientOf(1), ClientOf(2), ClientOf(3), ClientOf(4), ClientOf(5)];

    private static readonly Gen<ClientOrderId> s_target = Gen.Frequency(
        (20, Gen.Elements(s_ours)),
        (1, Gen.Elements(ClientOrderId.None, new ClientOrderId(EngineId, RunId, 99, 0), new ClientOrderId(EngineId + 1, RunId, 1, 0), new ClientOrderId(EngineId, RunId + 1, 1, 0))));

    private static readonly Gen<BrokerEventKind> s_kind = Gen.Frequency(
        (8, Gen.Constant(BrokerEventKind.Ack)),
        (12, Gen.Constant(BrokerEventKind.Fill)),
        (4, Gen.Elements(BrokerEventKind.CancelReject, BrokerEventKind.ReplaceAck, BrokerEventKind.ReplaceReject)),
        (2, Gen.Elements(BrokerEventKind.Reject, BrokerEventKind.CancelAck, BrokerEventKind.Expired)),
        (1, Gen.Elements(BrokerEventKind.None, (BrokerEventKind)42)));

    private static readonly Gen<OmsStep> s_event =
        from kind in s_kind
        from target in s_target
        from brokerId in Gen.Frequency((2, Gen.Constant(0L)), (5, Gen.Elements(11L, 12L, 13L, 21L, 22L)))
        from messageId in Gen.Frequency((1, Gen.Constant(0L)), (30, Gen.Choose(1, 70).Select(id => (long)id)))
        from fillId in Gen.Choose(0, 20)
        from quantity in Gen.Frequency((1, Gen.Elements(-5L, 0L, long.MinValue, long.MaxValue)), (12, Gen.Elements(1L, 5L, 10L, 25L, 40L, 50L, 60L, 100L, 120L, 150L, 500L)))
        from price in Gen.Frequency((1, Gen.Elements(0L, -1L, long.MinValue, long.MaxValue)), (8, Gen.Elements(1L, 5_000_000L, 10_000_000L, 12_000_000L)))
        from fee in Gen.Frequency((1, Gen.Elements(long.MinValue, long.MaxValue)), (8, Gen.Elements(0L, 1_000L, 2_500L)), (1, Gen.Constant(-500L)))
        from matchRequested in Gen.Elements(true, true, false)
        from time in Gen.Choose(0, 1_000_000)
        select new OmsStep(
            new BrokerOrderEvent
            {
                Kind = kind,
                ClientOrderId = target,
                BrokerOrderId = new BrokerOrderId(brokerId),
                MessageId = messageId,
                FillId = fillId,
                Quantity = quantity,
                Price = new Price(price),
                Fee = new Money(fee),
                EventTimeNs = time,
            },
            matchRequested,
            OmsStepRequest.None,
            0,
            0,
            0);

    private static readonly Gen<OmsStep> s_request =
        from replace in Gen.Elements(false, true)
        from order in Gen.Frequency((12, Gen.Choose(1, 5)), (1, Gen.Elements(0, 9)))
        from quantity in Gen.Elements(0L, 5L, 60L, 120L, 150L, 500L, 1_200L)
        from limit in Gen.Elements(0L, 10_000_000L, 12_000_000L)
        select new OmsStep(default, false, replace ? OmsStepRequest.Replace : OmsStepRequest.Cancel, order, quantity, limit);

    /// <summary>Random step lists.</summary>
    public static Gen<OmsStep[]> Steps { get; } =
        Gen.ListOf(Gen.Frequency((4, s_event), (1, s_request))).Select(steps => steps.ToArray());

    /// <summary>A fresh OMS with the three orders created.</summary>
    public static OrderManager NewOms()
    {
        var oms = new OrderManager(EngineId, RunId, orderCapacity: 5, fillCapacity: 64, messageCapacity: 128, brokerOrderIdCapacity: 16);
        for (int i = 0; i < s_intents.Length; i++)
        {
            oms.Create(in s_intents[i], i + 1, 0, 0);
        }

        return oms;
    }

    /// <summary>The step's event as it is applied: a replace ack carries the requested terms when asked to.</summary>
    public static BrokerOrderEvent Resolve(OrderManager oms, OmsStep step)
    {
        BrokerOrderEvent brokerEvent = step.Event;
        if (oms.TryFind(brokerEvent.ClientOrderId, out OrderId named))
        {
            // A broker reports the ordered symbol and side on its fills; a mismatch is its own scenario test.
            brokerEvent.Symbol = oms.Get(named).Symbol;
            brokerEvent.Side = oms.Get(named).Side;
        }

        if (brokerEvent.Kind == BrokerEventKind.ReplaceAck && step.MatchRequestedTerms
            && oms.TryFind(brokerEvent.ClientOrderId, out OrderId order) && oms.Get(order).State == OrderState.PendingReplace)
        {
            brokerEvent.Quantity = oms.Get(order).RequestedQuantity;
            brokerEvent.Price = oms.Get(order).RequestedLimitPrice;
        }

        return brokerEvent;
    }

    /// <summary>Runs a request step.</summary>
    public static OrderRequestResult Request(OrderManager oms, OmsStep step) =>
        step.Request == OmsStepRequest.Cancel
            ? oms.RequestCancel(new OrderId(step.RequestOrder), 0)
            : oms.RequestReplace(new OrderId(step.RequestOrder), step.ReplaceQuantity, new Price(step.ReplaceLimitMicros), 0);

    /// <summary>Runs every step on a fresh OMS and returns what each did, in order.</summary>
    public static (OrderManager Oms, List<object> Results) Run(OmsStep[] steps)
    {
        OrderManager oms = NewOms();
        var results = new List<object>(steps.Length);
        foreach (OmsStep step in steps)
        {
            results.Add(step.Request == OmsStepRequest.None ? oms.Apply(Resolve(oms, step)) : Request(oms, step));
        }

        return (oms, results);
    }

    private static ClientOrderId ClientOf(long sequence) => new(EngineId, RunId, sequence, 0);
}
