using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Reconcile;
using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Engine.Tests.Gateway;

/// <summary>Every command passes integrity, risk, reconcile and allocation, in that order; cancels always pass.</summary>
public sealed class OrderGatewayTests
{
    private const int EngineId = 7;
    private static readonly SymbolId s_symbol = new(1);
    private static readonly Money s_cap = new(50_000 * Micros.PerUnit);
    private RiskEngine _risk = new(new RiskLimits());

    [Fact]
    public void A_submit_that_passes_every_check_is_approved()
    {
        OrderGateway gateway = Gateway(out _, out _);

        GatewayDecision decision = gateway.Decide(Submit(), Armed(), Request(10));

        Assert.True(decision.IsApproved);
        Assert.Equal(Submit(), decision.Approved.Command);
    }

    [Fact]
    public void A_disarmed_integrity_guard_refuses_first_even_when_risk_would_refuse_too()
    {
        OrderGateway gateway = Gateway(out RiskEngine risk, out _);
        risk.SetKillSwitch(true);
        GatewayChecks disarmed = Armed() with { IntegrityArmed = false, IntegrityReason = new Reason(ReasonCode.StaleFeed, s_symbol, 0, 0, 0) };

        GatewayDecision decision = gateway.Decide(Submit(), disarmed, Request(10));

        Assert.False(decision.IsApproved);
        Assert.Equal((ReasonCode.IntegrityNotArmed, (long)ReasonCode.StaleFeed), (decision.Reason.Code, decision.Reason.Observed));
    }

    [Fact]
    public void Risk_refuses_before_reconcile_and_allocation_are_looked_at()
    {
        OrderGateway gateway = Gateway(out _, out ReconcileStatus reconcile, maxOrderQuantity: 5);
        reconcile.MarkDirty(new Reason(ReasonCode.ReconcileNotClean, s_symbol, 0, 0, 0));

        GatewayDecision decision = gateway.Decide(Submit(), Armed() with { AllocationAfter = s_cap + s_cap }, Request(10));

        Assert.Equal((RiskAction.Reject, ReasonCode.MaxOrderQuantity), (decision.RiskAction, decision.Reason.Code));
    }

    [Fact]
    public void A_halting_risk_decision_is_passed_on_as_a_halt()
    {
        OrderGateway gateway = Gateway(out _, out _);

        GatewayDecision decision = gateway.Decide(Submit(), Armed(), Request(0));

        Assert.Equal((RiskAction.Halt, ReasonCode.NonPositiveQuantity), (decision.RiskAction, decision.Reason.Code));
    }

    [Fact]
    public void A_stale_or_dirty_reconcile_refuses_before_the_allocation_cap()
    {
        OrderGateway gateway = Gateway(out _, out ReconcileStatus reconcile);
        OrderCommand late = Submit() with { EventTimeNs = 2_000 };

        GatewayDecision stale = gateway.Decide(late, Armed() with { AllocationAfter = s_cap + s_cap }, Request(10) with { EventTimeNs = 2_000 });
        reconcile.MarkDirty(new Reason(ReasonCode.UnknownOrder, s_symbol, 0, 0, 0));
        GatewayDecision dirty = gateway.Decide(Submit(), Armed(), Request(10));

        Assert.Equal((ReasonCode.ReconcileNotClean, 1_900L, 1_000L), (stale.Reason.Code, stale.Reason.Observed, stale.Reason.Limit));
        Assert.Equal((ReasonCode.ReconcileNotClean, (long)ReasonCode.UnknownOrder), (dirty.Reason.Code, dirty.Reason.Observed));
    }

    [Fact]
    public void A_command_beyond_the_engines_allocation_cap_is_refused()
    {
        OrderGateway gateway = Gateway(out _, out _);

        GatewayDecision decision = gateway.Decide(Submit(), Armed() with { AllocationAfter = s_cap + new Money(1) }, Request(10));

        Assert.Equal((ReasonCode.AllocationCapExceeded, s_cap.Micros + 1, s_cap.Micros), (decision.Reason.Code, decision.Reason.Observed, decision.Reason.Limit));
    }

    [Fact]
    public void An_order_that_reduces_the_capital_used_passes_even_over_the_cap()
    {
        OrderGateway gateway = Gateway(out _, out _);
        GatewayChecks overCap = Armed() with { AllocationBefore = s_cap + s_cap, AllocationAfter = s_cap + new Money(1) };

        GatewayDecision decision = gateway.Decide(Submit() with { Side = Side.Sell }, overCap, Request(10) with { Side = Side.Sell, Position = 500 });

        Assert.True(decision.IsApproved);
    }

    [Fact]
    public void A_cancel_is_approved_even_when_disarmed_halted_killed_and_unreconciled()
    {
        OrderGateway gateway = Gateway(out RiskEngine risk, out ReconcileStatus reconcile);
        risk.SetKillSwitch(true);
        risk.Halt(new Reason(ReasonCode.OperatorHalt, SymbolId.None, 0, 0, 0));
        reconcile.MarkDirty(new Reason(ReasonCode.UnknownOrder, s_symbol, 0, 0, 0));

        GatewayDecision decision = gateway.Decide(Submit() with { Kind = CommandKind.Cancel, Target = new BrokerOrderId(9) }, Armed() with { IntegrityArmed = false }, Request(10));

        Assert.True(decision.IsApproved);
    }

    [Fact]
    public void A_flatten_order_passes_when_halted_killed_and_disarmed_if_it_reduces_the_position()
    {
        OrderGateway gateway = Gateway(out RiskEngine risk, out _);
        risk.SetKillSwitch(true);
        risk.Halt(new Reason(ReasonCode.MaxDrawdown, SymbolId.None, 0, 0, 0));
        OrderCommand flatten = Submit() with { Kind = CommandKind.Flatten, Side = Side.Sell, Quantity = 300 };

        GatewayDecision decision = gateway.Decide(flatten, Armed() with { IntegrityArmed = false }, Request(300) with { Side = Side.Sell, Position = 300 });

        Assert.True(decision.IsApproved);
    }

    [Theory]
    [InlineData(Side.Sell, 301, 300)]
    [InlineData(Side.Buy, 10, 300)]
    [InlineData(Side.Sell, 10, 0)]
    public void A_flatten_order_that_would_not_reduce_the_position_halts(Side side, long quantity, long position)
    {
        OrderGateway gateway = Gateway(out _, out _);
        OrderCommand flatten = Submit() with { Kind = CommandKind.Flatten, Side = side, Quantity = quantity };

        GatewayDecision decision = gateway.Decide(flatten, Armed(), Request(quantity) with { Side = side, Position = position });

        Assert.Equal((RiskAction.Halt, ReasonCode.FlattenWouldNotReduce), (decision.RiskAction, decision.Reason.Code));
    }

    [Fact]
    public void A_flatten_order_is_refused_when_the_positions_are_not_reconciled()
    {
        OrderGateway gateway = Gateway(out _, out ReconcileStatus reconcile);
        reconcile.MarkDirty(new Reason(ReasonCode.UnknownOrder, s_symbol, 0, 0, 0));
        OrderCommand flatten = Submit() with { Kind = CommandKind.Flatten, Side = Side.Sell, Quantity = 300 };

        GatewayDecision decision = gateway.Decide(flatten, Armed(), Request(300) with { Side = Side.Sell, Position = 300 });

        Assert.Equal(ReasonCode.ReconcileNotClean, decision.Reason.Code);
    }

    [Fact]
    public void A_command_of_another_engine_is_refused_and_halts()
    {
        OrderGateway gateway = Gateway(out _, out _);

        GatewayDecision decision = gateway.Decide(Submit() with { EngineId = EngineId + 1 }, Armed(), Request(10));

        Assert.Equal((RiskAction.Halt, ReasonCode.WrongEngine), (decision.RiskAction, decision.Reason.Code));
    }

    [Theory]
    [InlineData(CommandKind.Cancel)]
    [InlineData(CommandKind.Replace)]
    public void A_cancel_or_replace_without_the_brokers_order_id_is_refused(CommandKind kind)
    {
        OrderGateway gateway = Gateway(out _, out _);

        GatewayDecision decision = gateway.Decide(Submit() with { Kind = kind }, Armed(), Request(10));

        Assert.Equal((RiskAction.Reject, ReasonCode.NoBrokerOrderId), (decision.RiskAction, decision.Reason.Code));
    }

    [Fact]
    public void A_client_order_id_of_another_engine_is_refused_and_halts()
    {
        OrderGateway gateway = Gateway(out _, out _);

        GatewayDecision decision = gateway.Decide(Submit() with { ClientOrderId = new ClientOrderId(EngineId + 1, 1, 42, 0) }, Armed(), Request(10));

        Assert.Equal((RiskAction.Halt, ReasonCode.WrongEngine), (decision.RiskAction, decision.Reason.Code));
    }

    [Fact]
    public void A_replace_is_checked_like_a_submit()
    {
        OrderGateway gateway = Gateway(out _, out _, maxOrderQuantity: 5);

        GatewayDecision decision = gateway.Decide(Submit() with { Kind = CommandKind.Replace, Target = new BrokerOrderId(9), Quantity = 10 }, Armed(), Request(10));

        Assert.Equal(ReasonCode.MaxOrderQuantity, decision.Reason.Code);
    }

    private OrderGateway Gateway(out RiskEngine risk, out ReconcileStatus reconcile, long maxOrderQuantity = 1_000)
    {
        var limits = new RiskLimits { MaxOrderQuantity = maxOrderQuantity };
        risk = _risk = new RiskEngine(limits);
        reconcile = new ReconcileStatus(maxAgeNs: 1_000);
        reconcile.MarkClean(100);
        return new OrderGateway(EngineId, limits, reconcile);
    }

    private static OrderCommand Submit() =>
        new(CommandKind.Submit, EngineId, new OrderId(1), new ClientOrderId(EngineId, 1, 42, 0), default, s_symbol, Side.Buy, 10, new Price(100 * Micros.PerUnit), 500, TimeInForce.GoodTillCanceled);

    /// <summary>Every check passing, with the risk engine's account state as it is when the gateway asks.</summary>
    private GatewayChecks Armed() => new(true, Reason.None, s_cap, Money.Zero, new Money(1_000 * Micros.PerUnit), _risk.Snapshot(500, 1));

    private static OrderRequest Request(long quantity) =>
        new(s_symbol, Side.Buy, quantity, new Price(100 * Micros.PerUnit), 0, Money.Zero, new Money(100_000 * Micros.PerUnit), 500, 1, false);
}
