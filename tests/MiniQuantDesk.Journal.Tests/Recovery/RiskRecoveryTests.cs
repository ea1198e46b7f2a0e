using MiniQuantDesk.Engine;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Journal.Recovery;
using MiniQuantDesk.Journal.Tests.Support;
using MiniQuantDesk.Journal.Tests.Writing;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Journal.Tests.Recovery;

/// <summary>
/// A restart from the journal keeps the engine's risk state: run 1 trades through the journal and "crashes"; run 2
/// is restored from the journal into a fresh pipeline; the same live events then reach run 2 and an engine that never
/// restarted (run 1 going on), and both must decide the same — the daily loss counted from the day's real start, the
/// day trades of the PDT window, the drawdown peak — or, when the journal kept no risk state, run 2 halts and says so.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RiskRecoveryTests(PostgresCluster cluster)
{
    private const long Unit = Micros.PerUnit;

    [Fact]
    public async Task A_restart_in_the_middle_of_a_losing_day_still_halts_at_the_daily_loss_limit()
    {
        string database = await OwnDatabaseAsync();
        var limits = new RiskLimits { PatternDayTraderRule = false, DailyLossLimit = new Money(25_000 * Unit) };

        // Run 1: day 0 buys 1000 at 100; day 1 sells 500, of which 250 fill at 80: the day is 20,000 down.
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        var broker = new ReplyingBroker(idBase: 0);
        TradingPipeline first = JournalRig.Pipeline(Spec(runNumber, limits, 1_000, 500), PipelineDriver.Polled, writer, broker);
        JournalRig.Arm(first);
        Bar day0 = Bar(first, 0, 100);
        broker.Answer(first, day0.EndNs + 1_000, 100 * Unit);
        first.Poll();
        Bar day1 = Bar(first, 1, 100);
        broker.Answer(first, day1.EndNs + 1_000, 80 * Unit, fillPercent: 50);
        first.Poll();
        Assert.Equal(ReasonCode.None, first.Gateway.BookAt(0).Halt.Code);
        Assert.Null(writer.Failure);

        // The crash: run 2 comes back from the journal, the same day.
        TradingPipeline second = await RestoredAsync(database, limits, 0);

        // Later that day the rest of the sell fills at 68: 9,000 more, 29,000 in all.
        BrokerOrderEvent sold = broker.Published.Last(message => message.Kind == BrokerEventKind.Fill);
        BrokerOrderEvent rest = sold with { MessageId = 900_001, FillId = 900_001, Price = new Price(68 * Unit), EventTimeNs = day1.EndNs + 2_000 };
        foreach (TradingPipeline pipeline in new[] { first, second })
        {
            pipeline.PublishBroker(in rest);
            pipeline.Poll();
        }

        Assert.Equal(ReasonCode.DailyLossLimit, first.Gateway.BookAt(0).Halt.Code);
        Assert.Equal(ReasonCode.DailyLossLimit, second.Gateway.BookAt(0).Halt.Code);
        Assert.Equal(first.Gateway.BookAt(0).Halt.Observed, second.Gateway.BookAt(0).Halt.Observed);
        Assert.Equal(first.Risk.RiskAt(0).Checkpoint, second.Risk.RiskAt(0).Checkpoint);
    }

    [Fact]
    public async Task A_restart_keeps_the_day_trades_of_the_PDT_window_and_refuses_the_trade_an_unbroken_run_refuses()
    {
        string database = await OwnDatabaseAsync();
        var limits = new RiskLimits { MaxDayTrades = 1, DayTradeWindowBusinessDays = 5 };

        // Run 1: each buy fills the next morning and the next bar sells it the same day: a day trade on day 1.
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        var broker = new ReplyingBroker(idBase: 0);
        var firstLog = new DecisionLog();
        TradingPipeline first = JournalRig.Pipeline(Spec(runNumber, limits, 10, 0, 10, 0) with { InitialCash = new Money(20_000 * Unit) }, PipelineDriver.Polled, writer, broker, firstLog);
        JournalRig.Arm(first);
        for (int day = 0; day < 3; day++)
        {
            Bar bar = Bar(first, day, 100);
            long answerAt = day % 2 == 0 ? MorningOf(day + 1) : bar.EndNs + 1_000;
            broker.Answer(first, answerAt, 100 * Unit);
            first.Poll();
        }

        Assert.Equal(1, first.Risk.RiskAt(0).DayTradesInWindow(TradingDay(3)));
        Assert.Null(writer.Failure);

        // Run 2 comes back from the journal; on day 3 both sell the position bought that morning.
        var secondLog = new DecisionLog();
        TradingPipeline second = await RestoredAsync(database, limits, 20_000, secondLog, 0);
        JournalRig.Arm(second);
        Bar(first, 3, 100);
        Bar(second, 3, 100);

        Assert.Equal("Submit Sell 10 refused PATTERN_DAY_TRADER", firstLog.Last);
        Assert.Equal(firstLog.Last, secondLog.Last);
        Assert.Equal(first.Risk.RiskAt(0).DayTradesInWindow(TradingDay(3)), second.Risk.RiskAt(0).DayTradesInWindow(TradingDay(3)));
    }

    [Fact]
    public async Task A_restart_keeps_the_equity_peak_and_flattens_at_the_drawdown_an_unbroken_run_flattens_at()
    {
        string database = await OwnDatabaseAsync();
        var limits = new RiskLimits { PatternDayTraderRule = false, MaxDrawdownBasisPoints = 300 };

        // Run 1: 1000 shares bought at 100 rise to 120 (the peak, 20,000 up), then fall back to 110 the next day.
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        var broker = new ReplyingBroker(idBase: 0);
        TradingPipeline first = JournalRig.Pipeline(Spec(runNumber, limits, 1_000), PipelineDriver.Polled, writer, broker);
        JournalRig.Arm(first);
        Bar day0 = Bar(first, 0, 100);
        broker.Answer(first, day0.EndNs + 1_000, 100 * Unit);
        first.Poll();
        Bar(first, 1, 120);
        Bar(first, 2, 110);
        Assert.Equal(ReasonCode.None, first.Gateway.BookAt(0).Halt.Code);

        TradingPipeline second = await RestoredAsync(database, limits, 1_000);
        JournalRig.Arm(second);

        // Day 3 closes at 85: 35,000 below the 1,020,000 peak, more than 3%; from the restart's equity it is not.
        Bar(first, 3, 85);
        Bar(second, 3, 85);

        Assert.Equal(ReasonCode.MaxDrawdown, first.Gateway.BookAt(0).Halt.Code);
        Assert.Equal(first.Gateway.BookAt(0).Halt, second.Gateway.BookAt(0).Halt);
        Assert.Equal(first.Risk.RiskAt(0).Checkpoint, second.Risk.RiskAt(0).Checkpoint);
    }

    [Fact]
    public async Task A_restart_from_a_journal_without_risk_state_halts_and_names_what_it_could_not_rebuild()
    {
        string database = await OwnDatabaseAsync();
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using (JournalWriter writer = JournalRig.Writer(database, runId, runNumber))
        {
            var broker = new ReplyingBroker(idBase: 0);
            TradingPipeline first = JournalRig.Pipeline(Spec(runNumber, new RiskLimits { PatternDayTraderRule = false }, 100), PipelineDriver.Polled, writer, broker);
            JournalRig.Arm(first);
            Bar day0 = Bar(first, 0, 100);
            broker.Answer(first, day0.EndNs + 1_000, 100 * Unit);
            first.Poll();
            Assert.Null(writer.Failure);
        }

        // A journal written before it kept risk state has orders and fills but no risk_state row.
        Assert.Equal(["1"], JournalRig.Rows(database, "WITH d AS (DELETE FROM risk_state RETURNING 1) SELECT count(*)::text FROM d"));
        (Guid secondRun, long secondNumber) = JournalRig.CreateRun(database);
        using JournalWriter secondWriter = JournalRig.Writer(database, secondRun, secondNumber);
        TradingPipeline second = JournalRig.Pipeline(Spec(secondNumber, new RiskLimits { PatternDayTraderRule = false }, 100), PipelineDriver.Polled, secondWriter);
        RecoveryResult result = await RecoveryRig.Recovery(database).RestoreAsync(second, JournalRig.Engine, CancellationToken.None);

        Assert.True(result.Halted);
        Assert.False(result.RiskStateRestored);
        Assert.Equal(ReasonCode.RiskStateNotRestored, result.Halt.Code);
        Assert.StartsWith("RISK_STATE_NOT_RESTORED", result.Halt.Describe(), StringComparison.Ordinal);
        Assert.Equal(["HALTED"], JournalRig.Rows(database, "SELECT state FROM runs WHERE run_id = $1", secondRun));
    }

    [Fact]
    public async Task The_journal_keeps_the_risk_state_of_its_last_committed_event()
    {
        string database = await OwnDatabaseAsync();
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        var broker = new ReplyingBroker(idBase: 0);
        TradingPipeline first = JournalRig.Pipeline(Spec(runNumber, new RiskLimits { PatternDayTraderRule = false }, 1_000), PipelineDriver.Polled, writer, broker);
        JournalRig.Arm(first);
        Bar day0 = Bar(first, 0, 100);
        broker.Answer(first, day0.EndNs + 1_000, 100 * Unit);
        first.Poll();
        Bar(first, 1, 130);
        first.PublishControl(JournalRig.Engine, day0.EndNs + 10_000, ControlKind.KillSwitchOn);
        first.Poll();

        RiskCheckpoint held = first.Risk.RiskAt(0).Checkpoint;
        Assert.True(held.KillSwitch);
        Assert.Equal(
            [$"{held.TradingDay} {held.DayStartEquity.Micros} {held.PeakEquity.Micros} true"],
            JournalRig.Rows(database, "SELECT trading_day || ' ' || day_start_equity_micros || ' ' || peak_equity_micros || ' ' || kill_switch FROM risk_state WHERE engine_id = '1'"));
    }

    private async Task<string> OwnDatabaseAsync()
    {
        string database = await cluster.FreshMigratedDatabaseAsync("riskrecovery");
        return database;
    }

    private static EngineSpec Spec(long runNumber, RiskLimits limits, params long[] steps) =>
        RecoveryRig.Spec(runNumber, steps) with { Risk = limits };

    /// <summary>A new run restored from the journal; its strategy goes on with <paramref name="steps"/>.</summary>
    private static Task<TradingPipeline> RestoredAsync(string database, RiskLimits limits, params long[] steps) =>
        RestoredAsync(database, limits, 1_000_000, null, steps);

    private static async Task<TradingPipeline> RestoredAsync(string database, RiskLimits limits, long cash, DecisionLog? log, params long[] steps)
    {
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        EngineSpec spec = Spec(runNumber, limits, steps) with { InitialCash = new Money(cash * Unit) };
        TradingPipeline pipeline = log is null
            ? JournalRig.Pipeline(spec, PipelineDriver.Polled, writer)
            : JournalRig.Pipeline(spec, PipelineDriver.Polled, writer, log);
        RecoveryResult result = await RecoveryRig.Recovery(database).RestoreAsync(pipeline, JournalRig.Engine, CancellationToken.None);
        Assert.False(result.Halted, result.Halt.Describe());
        Assert.True(result.RiskStateRestored);
        Assert.Null(writer.Failure);
        return pipeline;
    }

    private static Bar Bar(TradingPipeline pipeline, int day, long close)
    {
        Bar bar = JournalRig.DailyBar(day, close * Unit);
        pipeline.PublishBar(JournalRig.Engine, bar);
        pipeline.Poll();
        return bar;
    }

    private static long MorningOf(int day) => NyseCalendar.Default.SessionOpenNs(JournalRig.Day(day)) + (3_600L * 1_000_000_000);

    private static int TradingDay(int day)
    {
        Assert.True(NyseCalendar.Default.TryGetTradingDayOrdinal(NyseCalendar.Default.SessionOpenNs(JournalRig.Day(day)), out int ordinal));
        return ordinal;
    }
}
