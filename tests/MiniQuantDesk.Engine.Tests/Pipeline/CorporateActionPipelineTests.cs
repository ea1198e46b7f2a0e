using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Pipeline.Stages;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Tests.Pipeline.Support;

namespace MiniQuantDesk.Engine.Tests.Pipeline;

/// <summary>A corporate action on the ring: every stage follows it, one invariant per scenario.</summary>
public sealed class CorporateActionPipelineTests
{
    private const int Engine = 3;
    private static readonly SymbolId s_symbol = new(1);

    [Fact]
    public void A_position_held_across_a_split_is_rescaled_alike_by_the_portfolio_the_strategys_account_and_risk()
    {
        var strategy = new HoldStrategy(100);
        var broker = new InstantBroker();
        var recorder = new DecisionRecorder();

        // A 1% drawdown limit: had risk's copy of the account doubled the shares without halving the mark, its equity
        // would jump and fall back at the next bar, and risk would flatten and halt.
        EngineSpec spec = Engines.Spec(Engine, () => strategy, new RiskLimits { PatternDayTraderRule = false, MaxDrawdownBasisPoints = 100 });
        TradingPipeline pipeline = Engines.Polled([spec], broker, recorder);
        Engines.Arm(pipeline, Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 1).StartNs - 1);
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();
        broker.FillAll(pipeline, new Price(100 * Micros.PerUnit), Sessions.Daily(s_symbol, Sessions.Day(1), 1).StartNs);
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(1), 100 * Micros.PerUnit));
        pipeline.Poll();
        ExecutionBook book = pipeline.Gateway.BookAt(0);
        Money equityBefore = book.Portfolio.Equity;
        recorder.Records.Clear();

        pipeline.PublishCorporateAction(Engine, NyseCalendar.Default.SessionOpenNs(Sessions.Day(2)), CorporateActionEvent.Split(s_symbol, new SplitRatio(2, 1), new Price(100 * Micros.PerUnit)));
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(2), 50 * Micros.PerUnit));
        pipeline.Poll();

        Assert.Equal(200, book.Portfolio.PositionOf(s_symbol).Quantity);
        Assert.Equal(200, book.Account.PositionOf(s_symbol));
        Assert.Equal([0L, 100L, 200L], strategy.PositionsSeen);
        Assert.Equal(new SplitRatio(2, 1), Assert.Single(strategy.ActionsHeard).Ratio);
        Assert.Equal(equityBefore, book.Portfolio.Equity);
        Assert.All(recorder.Records, r => Assert.Equal((RiskAction.Allow, ReasonCode.None), (r.RiskEvent.Action, r.EngineHalt.Code)));
        Assert.All(recorder.Records, r => Assert.Empty(r.DecisionList));
        Assert.False(pipeline.Risk.RiskAt(0).IsHalted);
    }

    [Fact]
    public void A_dividend_on_the_ring_raises_the_portfolios_cash_by_shares_times_amount()
    {
        var broker = new InstantBroker();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new HoldStrategy(100))], broker);
        Engines.Arm(pipeline, Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 1).StartNs - 1);
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();
        broker.FillAll(pipeline, new Price(100 * Micros.PerUnit), Sessions.Daily(s_symbol, Sessions.Day(1), 1).StartNs);
        pipeline.Poll();
        Money cash = pipeline.Gateway.BookAt(0).Portfolio.Cash;

        pipeline.PublishCorporateAction(Engine, NyseCalendar.Default.SessionOpenNs(Sessions.Day(2)), CorporateActionEvent.Dividend(s_symbol, 620_000, new Price(100 * Micros.PerUnit)));
        pipeline.Poll();

        Assert.Equal(new Money(62 * Micros.PerUnit), pipeline.Gateway.BookAt(0).Portfolio.Cash - cash);
        Assert.Equal(100, pipeline.Gateway.BookAt(0).Portfolio.PositionOf(s_symbol).Quantity);
    }

    [Fact]
    public void A_corporate_action_whose_time_goes_back_halts_the_engine_and_is_not_applied()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new HoldStrategy(100))], recorder);
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(3), 100 * Micros.PerUnit));
        pipeline.Poll();

        pipeline.PublishCorporateAction(Engine, NyseCalendar.Default.SessionOpenNs(Sessions.Day(1)), CorporateActionEvent.Split(s_symbol, new SplitRatio(2, 1), new Price(100 * Micros.PerUnit)));
        pipeline.Poll();

        SlotRecord record = recorder.Records[^1];
        Assert.Equal((IntegrityAction.Halt, ReasonCode.TimeWentBackwards), (record.Integrity, record.EngineHalt.Code));
        Assert.Equal(0, pipeline.Gateway.BookAt(0).Portfolio.CorporateActions.Count);
    }

    [Fact]
    public void A_corporate_action_for_an_unknown_symbol_halts_the_engine_with_the_unknown_symbol_reason()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new HoldStrategy(100))], recorder);

        pipeline.PublishCorporateAction(Engine, 1, CorporateActionEvent.Split(new SymbolId(42), new SplitRatio(2, 1), new Price(100 * Micros.PerUnit)));
        pipeline.Poll();

        SlotRecord record = Assert.Single(recorder.Records);
        Assert.Equal((ReasonCode.UnknownSymbol, 42L), (record.HaltedNow.Code, record.HaltedNow.Observed));
        Assert.Equal(ReasonCode.UnknownSymbol, pipeline.Gateway.BookAt(0).Halt.Code);
    }
}
