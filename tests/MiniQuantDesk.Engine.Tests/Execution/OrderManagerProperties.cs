using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Tests.Execution.Support;

namespace MiniQuantDesk.Engine.Tests.Execution;

/// <summary>
/// The OMS's laws over random runs of broker events and engine requests, garbage and duplicates included
/// (see <see cref="RandomOmsRun"/>). The legal transitions are written out here, apart from the code, as the
/// specification the state machine is held to.
/// </summary>
public sealed class OrderManagerProperties
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void Random_event_sequences_reach_only_legal_states_through_legal_transitions()
    {
        Check.One(s_config, Prop.ForAll(RandomOmsRun.Steps.ToArbitrary(), steps =>
        {
            OrderManager oms = RandomOmsRun.NewOms();
            foreach (OmsStep step in steps)
            {
                OmsSnapshot before = OmsSnapshot.Of(oms);
                if (step.Request == OmsStepRequest.None)
                {
                    OrderEventResult result = oms.Apply(RandomOmsRun.Resolve(oms, step));
                    if (result.Outcome == OrderEventOutcome.Applied)
                    {
                        Assert.True(IsLegal(result.From, result.Kind, result.To), $"{result.From} --{result.Kind}--> {result.To} is not in the table");
                        Assert.Equal(result.To, oms.Get(result.Order).State);
                    }
                    else
                    {
                        Assert.Equal(before, OmsSnapshot.Of(oms));
                    }
                }
                else
                {
                    CheckRequest(oms, step, before, RandomOmsRun.Request(oms, step));
                }

                AssertEveryOrderIsConsistent(oms);
            }
        }));
    }

    [Fact]
    public void Filled_never_exceeds_what_the_order_allows_and_an_overfill_halts_before_anything_changes()
    {
        Check.One(s_config, Prop.ForAll(RandomOmsRun.Steps.ToArbitrary(), steps =>
        {
            OrderManager oms = RandomOmsRun.NewOms();
            foreach (OmsStep step in steps)
            {
                OmsSnapshot before = OmsSnapshot.Of(oms);
                if (step.Request != OmsStepRequest.None)
                {
                    RandomOmsRun.Request(oms, step);
                }
                else if (oms.Apply(RandomOmsRun.Resolve(oms, step)) is { Reason.Code: ReasonCode.Overfill } overfill)
                {
                    Assert.True(overfill.Reason.Observed > overfill.Reason.Limit, overfill.Describe());
                    Assert.Equal(before, OmsSnapshot.Of(oms));
                }

                foreach (Order order in oms.Orders)
                {
                    Assert.InRange(order.FilledQuantity, 0, order.FillLimit);
                }
            }
        }));
    }

    [Fact]
    public void Applying_any_event_a_second_time_changes_nothing()
    {
        Check.One(s_config, Prop.ForAll(RandomOmsRun.Steps.ToArbitrary(), steps =>
        {
            OrderManager oms = RandomOmsRun.NewOms();
            foreach (OmsStep step in steps)
            {
                if (step.Request != OmsStepRequest.None)
                {
                    RandomOmsRun.Request(oms, step);
                    continue;
                }

                BrokerOrderEvent brokerEvent = RandomOmsRun.Resolve(oms, step);
                OrderEventResult first = oms.Apply(brokerEvent);
                OmsSnapshot afterFirst = OmsSnapshot.Of(oms);

                OrderEventResult second = oms.Apply(brokerEvent);

                Assert.Equal(afterFirst, OmsSnapshot.Of(oms));
                Assert.False(second.HasNewFill);
                if (first.Outcome == OrderEventOutcome.Halt)
                {
                    Assert.Equal(first, second);
                }
                else
                {
                    Assert.Equal(OrderEventOutcome.DuplicateIgnored, second.Outcome);
                }
            }
        }));
    }

    [Fact]
    public void The_same_events_always_give_the_same_results_and_the_same_final_state()
    {
        Check.One(s_config, Prop.ForAll(RandomOmsRun.Steps.ToArbitrary(), steps =>
        {
            (OrderManager first, List<object> firstResults) = RandomOmsRun.Run(steps);
            (OrderManager second, List<object> secondResults) = RandomOmsRun.Run(steps);

            Assert.Equal(firstResults, secondResults);
            Assert.Equal(OmsSnapshot.Of(first), OmsSnapshot.Of(second));
        }));
    }

    [Fact]
    public void The_random_runs_reach_every_legal_transition_so_the_laws_above_are_tested_where_it_matters()
    {
        var seen = new HashSet<(OrderState, BrokerEventKind)>();
        foreach (OmsStep[] steps in Gen.Sample(RandomOmsRun.Steps, 60, new Rnd(20_261_122), 3_000))
        {
            OrderManager oms = RandomOmsRun.NewOms();
            foreach (OmsStep step in steps)
            {
                if (step.Request != OmsStepRequest.None)
                {
                    RandomOmsRun.Request(oms, step);
                }
                else if (oms.Apply(RandomOmsRun.Resolve(oms, step)) is { Outcome: OrderEventOutcome.Applied } applied)
                {
                    seen.Add((applied.From, applied.Kind));
                }
            }
        }

        var legal = new List<(OrderState, BrokerEventKind)>();
        foreach (OrderState from in Enum.GetValues<OrderState>())
        {
            foreach (BrokerEventKind kind in Enum.GetValues<BrokerEventKind>())
            {
                if (Enum.GetValues<OrderState>().Any(to => IsLegal(from, kind, to)))
                {
                    legal.Add((from, kind));
                }
            }
        }

        Assert.Empty(legal.Except(seen));
    }

    /// <summary>The transition table as a specification: which states an applied event may lead to.</summary>
    private static bool IsLegal(OrderState from, BrokerEventKind kind, OrderState to) => (from, kind) switch
    {
        (OrderState.PendingNew, BrokerEventKind.Ack) => to is OrderState.Accepted or OrderState.PendingCancel,
        (OrderState.Accepted or OrderState.Rejected or OrderState.None or OrderState.Replaced, BrokerEventKind.Ack) => false,
        (OrderState.PartiallyFilled, BrokerEventKind.Ack) => to is OrderState.PartiallyFilled or OrderState.PendingCancel,
        (_, BrokerEventKind.Ack) => to == from,
        (OrderState.PendingNew, BrokerEventKind.Reject) => to == OrderState.Rejected,
        (OrderState.PendingNew or OrderState.Accepted or OrderState.PartiallyFilled, BrokerEventKind.Fill) =>
            to is OrderState.PartiallyFilled or OrderState.Filled or OrderState.PendingCancel,
        (OrderState.PendingCancel or OrderState.Canceled or OrderState.Expired, BrokerEventKind.Fill) => to == from || to == OrderState.Filled,
        (OrderState.PendingReplace, BrokerEventKind.Fill) => to == OrderState.PendingReplace,
        (OrderState.Accepted or OrderState.PartiallyFilled or OrderState.PendingCancel, BrokerEventKind.CancelAck) => to == OrderState.Canceled,
        (OrderState.PendingCancel, BrokerEventKind.CancelReject) => to is OrderState.Accepted or OrderState.PartiallyFilled,
        (OrderState.Filled or OrderState.Expired, BrokerEventKind.CancelReject) => to == from,
        (OrderState.PendingReplace, BrokerEventKind.ReplaceAck or BrokerEventKind.ReplaceReject) =>
            to is OrderState.Accepted or OrderState.PartiallyFilled or OrderState.Filled,
        (OrderState.PendingNew or OrderState.Accepted or OrderState.PartiallyFilled or OrderState.PendingCancel, BrokerEventKind.Expired) =>
            to == OrderState.Expired,
        _ => false,
    };

    private static void CheckRequest(OrderManager oms, OmsStep step, OmsSnapshot before, OrderRequestResult result)
    {
        switch (result.Outcome)
        {
            case OrderRequestOutcome.Send:
                Order order = oms.Get(result.Order);
                Assert.Equal(step.Request == OmsStepRequest.Cancel ? OrderState.PendingCancel : OrderState.PendingReplace, order.State);
                Assert.Equal(order.BrokerOrderId, result.Target);
                Assert.True(result.Target.IsSet);
                break;
            case OrderRequestOutcome.Queued:
                Assert.True(oms.Get(result.Order).CancelQueued);
                Assert.Equal(before.Orders[result.Order.Value - 1].State, oms.Get(result.Order).State);
                break;
            default:
                Assert.Equal(OrderRequestOutcome.Refused, result.Outcome);
                Assert.True(result.Reason.IsSet);
                Assert.Equal(before, OmsSnapshot.Of(oms));
                break;
        }
    }

    /// <summary>What must hold of every order at every moment, whatever the broker sent.</summary>
    private static void AssertEveryOrderIsConsistent(OrderManager oms)
    {
        var fillIds = new HashSet<long>();
        foreach (OrderFill fill in oms.Fills)
        {
            Assert.True(fillIds.Add(fill.FillId), $"fill {fill.FillId} applied twice");
        }

        foreach (Order order in oms.Orders)
        {
            string context = order.ToString();
            long filled = order.FilledQuantity;
            Assert.True(order.State.IsResting(), context);
            Assert.InRange(filled, 0, order.FillLimit);
            bool consistent = order.State switch
            {
                OrderState.PendingNew or OrderState.Accepted or OrderState.Rejected => filled == 0,
                OrderState.PartiallyFilled => filled > 0 && filled < order.Quantity,
                OrderState.Filled => filled == order.Quantity,
                OrderState.PendingCancel or OrderState.Canceled or OrderState.Expired => filled < order.Quantity,
                _ => order.State == OrderState.PendingReplace,
            };
            Assert.True(consistent, context);
            Assert.Equal(order.State == OrderState.PendingReplace, order.RequestedQuantity > 0);
            Assert.True(order.State != OrderState.PendingCancel || order.CancelOutstanding, context);
            Assert.True(!order.CancelQueued || (order.State is OrderState.PendingNew or OrderState.Accepted or OrderState.PartiallyFilled && !order.BrokerOrderId.IsSet), context);
            Assert.True(!order.BrokerOrderId.IsSet || (oms.BrokerOrders.TryFind(order.BrokerOrderId, out OrderId mapped) && mapped == order.Id), context);

            long ledgerFilled = 0;
            int ledgerCount = 0;
            foreach (OrderFill fill in oms.Fills)
            {
                if (fill.Order == order.Id)
                {
                    ledgerFilled += fill.Quantity;
                    ledgerCount++;
                }
            }

            Assert.Equal((filled, order.FillCount), (ledgerFilled, ledgerCount));
        }
    }
}
