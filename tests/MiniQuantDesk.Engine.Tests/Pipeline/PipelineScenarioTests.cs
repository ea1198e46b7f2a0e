using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;
using MiniQuantDesk.Engine.Tests.Pipeline.Support;

namespace MiniQuantDesk.Engine.Tests.Pipeline;

/// <summary>The chain integrity → strategy → risk → gateway on the ring, one invariant per scenario.</summary>
public sealed class PipelineScenarioTests
{
    private const int Engine = 3;
    private static readonly SymbolId s_symbol = new(1);

    [Fact]
    public void An_armed_engine_turns_its_strategys_target_into_one_approved_market_order()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(100))], recorder);
        Engines.Arm(pipeline, Engine, Start());

        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();

        CommandDecision decision = Assert.Single(Decisions(pipeline, recorder));
        Assert.True(decision.Decision.IsApproved);
        Assert.Equal((CommandKind.Submit, Side.Buy, 100L, Engine), (decision.Command.Kind, decision.Command.Side, decision.Command.Quantity, decision.Command.ClientOrderId.EngineId));
        Assert.Equal(OrderState.PendingNew, pipeline.Gateway.BookAt(0).Orders.Get(decision.Command.Order).State);
    }

    [Fact]
    public void An_engine_boots_disarmed_and_refuses_orders_until_the_operator_arms_it()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(100))], recorder);
        pipeline.PublishControl(Engine, Start(), ControlKind.ReconcileClean);

        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();

        CommandDecision decision = Assert.Single(Decisions(pipeline, recorder));
        Assert.False(decision.Decision.IsApproved);
        Assert.Equal((ReasonCode.IntegrityNotArmed, (long)ReasonCode.Disarmed), (decision.Decision.Reason.Code, decision.Decision.Reason.Observed));
        Assert.Equal(0, pipeline.Gateway.BookAt(0).Orders.Orders.Length);
    }

    [Fact]
    public void Quantity_already_working_counts_toward_the_target_so_the_next_bar_orders_nothing_more()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(100))], recorder);
        Engines.Arm(pipeline, Engine, Start());
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();
        recorder.Records.Clear();

        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(1), 102 * Micros.PerUnit));
        pipeline.Poll();

        Assert.Empty(Decisions(pipeline, recorder));
        Assert.Equal("1:100", recorder.Records.Single().Targets);
    }

    [Fact]
    public void A_fill_delivered_twice_changes_the_portfolio_once()
    {
        var broker = new InstantBroker();
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(100))], broker, recorder);
        Engines.Arm(pipeline, Engine, Start());
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();
        broker.FillAll(pipeline, new Price(101 * Micros.PerUnit), Sessions.Daily(s_symbol, Sessions.Day(1), 1).StartNs);
        pipeline.Poll();
        BrokerOrderEvent again = broker.LastFill with { MessageId = 999 };

        pipeline.PublishBroker(in again);
        pipeline.Poll();

        Assert.Equal(100, pipeline.Gateway.BookAt(0).Portfolio.PositionOf(s_symbol).Quantity);
        Assert.Equal(OrderEventOutcome.DuplicateIgnored, recorder.Records.Last().OrderOutcome);
        Assert.False(recorder.Records.Last().EngineHalt.IsSet);
    }

    [Fact]
    public void A_drawdown_breach_flattens_every_position_and_halts_the_engine()
    {
        var broker = new InstantBroker();
        var recorder = new DecisionRecorder();
        var limits = new RiskLimits { PatternDayTraderRule = false, MaxDrawdownBasisPoints = 1_000 };
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(1_000), limits)], broker, recorder);
        Engines.Arm(pipeline, Engine, Start());
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();
        broker.FillAll(pipeline, new Price(100 * Micros.PerUnit), Sessions.Daily(s_symbol, Sessions.Day(1), 1).StartNs);
        pipeline.Poll();
        recorder.Records.Clear();

        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(1), 80 * Micros.PerUnit));
        pipeline.Poll();

        SlotRecord breach = recorder.Records.Single();
        Assert.Equal((RiskAction.FlattenAndHalt, ReasonCode.MaxDrawdown), (breach.RiskEvent.Action, breach.RiskEvent.Reason.Code));
        CommandDecision flatten = Assert.Single(Decisions(pipeline, recorder));
        Assert.True(flatten.Decision.IsApproved);
        Assert.Equal((CommandKind.Flatten, Side.Sell, 1_000L), (flatten.Command.Kind, flatten.Command.Side, flatten.Command.Quantity));
        Assert.Equal(ReasonCode.MaxDrawdown, breach.EngineHalt.Code);
    }

    [Fact]
    public void After_a_halt_every_new_order_is_refused_until_an_operator_clears_it()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(100))], recorder);
        Engines.Arm(pipeline, Engine, Start());
        pipeline.PublishControl(Engine, Start(), ControlKind.Halt);
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();
        CommandDecision refused = Assert.Single(Decisions(pipeline, recorder));
        recorder.Records.Clear();

        pipeline.PublishControl(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 1).EndNs, ControlKind.ClearHalt);
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(1), 102 * Micros.PerUnit));
        pipeline.Poll();

        Assert.Equal((ReasonCode.Halted, (long)ReasonCode.OperatorHalt), (refused.Decision.Reason.Code, refused.Decision.Reason.Observed));
        Assert.True(Assert.Single(Decisions(pipeline, recorder)).Decision.IsApproved);
    }

    [Fact]
    public void The_kill_switch_refuses_new_orders_but_not_the_bar_or_the_strategy()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(100))], recorder);
        Engines.Arm(pipeline, Engine, Start());
        pipeline.PublishControl(Engine, Start(), ControlKind.KillSwitchOn);

        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();

        Assert.Equal(ReasonCode.KillSwitch, Assert.Single(Decisions(pipeline, recorder)).Decision.Reason.Code);
        Assert.Equal("1:100", recorder.Records.Last().Targets);
    }

    [Fact]
    public void Shadow_mode_records_the_intent_and_sends_nothing()
    {
        var recorder = new DecisionRecorder();
        EngineSpec shadow = Engines.Spec(Engine, () => new FlipStrategy(100)) with { Shadow = true };
        TradingPipeline pipeline = Engines.Polled([shadow], recorder);
        Engines.Arm(pipeline, Engine, Start());

        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();

        Assert.Empty(Decisions(pipeline, recorder));
        Assert.Equal(ReasonCode.ShadowMode, recorder.Records.Last().StrategyReason.Code);
        Assert.Equal(1, pipeline.Strategy.HostAt(0).ShadowCount);
    }

    [Fact]
    public void A_strategy_sees_its_own_position_and_cash_after_its_fills()
    {
        var broker = new InstantBroker();
        var seen = new List<StrategyAccount>();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new WatchingStrategy(seen))], broker);
        Engines.Arm(pipeline, Engine, Start());
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();
        broker.FillAll(pipeline, new Price(101 * Micros.PerUnit), Sessions.Daily(s_symbol, Sessions.Day(1), 1).StartNs);

        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(1), 102 * Micros.PerUnit));
        pipeline.Poll();

        Assert.Equal(new StrategyAccount(0, new Money(100_000 * Micros.PerUnit)), seen[0]);
        Assert.Equal(new StrategyAccount(10, new Money((100_000 - 1_010) * Micros.PerUnit)), seen[1]);
    }

    private static long Start() => Sessions.Daily(s_symbol, Sessions.Day(0), 1).StartNs - 1;

    private static List<CommandDecision> Decisions(TradingPipeline pipeline, DecisionRecorder recorder)
    {
        _ = pipeline;
        var all = new List<CommandDecision>();
        foreach (SlotRecord record in recorder.Records)
        {
            all.AddRange(record.DecisionList);
        }

        return all;
    }

    private sealed class WatchingStrategy(List<StrategyAccount> seen) : IStrategy
    {
        public string Name => "watching";

        public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets)
        {
            seen.Add(account);
            targets.TrySet(new TargetPosition(bar.Symbol, 10));
        }
    }
}
