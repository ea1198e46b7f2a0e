using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Strategy;
using MiniQuantDesk.Engine.Strategy.Builtin;
using MiniQuantDesk.Engine.Tests.Support;

namespace MiniQuantDesk.Engine.Tests.Strategy;

/// <summary>The host shows the strategy only complete bars of its one timeframe, and shadow mode executes nothing.</summary>
public sealed class StrategyHostTests
{
    private static readonly SymbolId s_symbol = new(1);

    [Fact]
    public void An_incomplete_bar_never_reaches_the_strategy()
    {
        var strategy = new CountingStrategy();
        var host = new StrategyHost(strategy, Timeframe.Daily);
        Bar bar = Bar(0, 100);
        bar.IsComplete = false;
        var targets = default(TargetPositions);

        Reason reason = host.OnBar(in bar, Account(0), ref targets);

        Assert.Equal(ReasonCode.IncompleteBar, reason.Code);
        Assert.Equal(0, strategy.BarsSeen);
    }

    [Fact]
    public void A_bar_of_another_timeframe_is_refused_with_both_timeframes_as_evidence()
    {
        var strategy = new CountingStrategy();
        var host = new StrategyHost(strategy, Timeframe.Daily);
        Bar bar = Bar(0, 100);
        bar.Timeframe = Timeframe.OneMinute;
        var targets = default(TargetPositions);

        Reason reason = host.OnBar(in bar, Account(0), ref targets);

        Assert.Equal(ReasonCode.UnexpectedTimeframe, reason.Code);
        Assert.Equal((1, 0), (reason.Observed, reason.Limit));
        Assert.Equal(0, strategy.BarsSeen);
    }

    [Fact]
    public void Shadow_mode_records_the_intents_and_passes_none_on()
    {
        var host = new StrategyHost(new SmaCrossStrategy(1, 2, 10), Timeframe.Daily, shadowMode: true);
        long[] closes = [10, 9, 10, 9];
        var targets = default(TargetPositions);
        var reasons = new List<ReasonCode>();

        for (int t = 0; t < closes.Length; t++)
        {
            Bar bar = Bar(t, closes[t]);
            reasons.Add(host.OnBar(in bar, Account(0), ref targets).Code);
            Assert.Equal(0, targets.Count);
        }

        Assert.Equal([ReasonCode.None, ReasonCode.None, ReasonCode.ShadowMode, ReasonCode.ShadowMode], reasons);
        Assert.Equal(
            [new ShadowRecord(250, s_symbol, 0, 10), new ShadowRecord(350, s_symbol, 10, 0)],
            host.ShadowRecords.ToArray());
    }

    [Fact]
    public void A_strategy_that_sets_too_many_targets_gets_none_executed()
    {
        var host = new StrategyHost(new GreedyStrategy(), Timeframe.Daily);
        Bar bar = Bar(0, 100);
        var targets = default(TargetPositions);

        Reason reason = host.OnBar(in bar, Account(0), ref targets);

        Assert.Equal(ReasonCode.TooManyTargets, reason.Code);
        Assert.Equal(0, targets.Count);
    }

    [Fact]
    public void Hosting_sma_cross_over_a_million_bars_allocates_nothing()
    {
        var host = new StrategyHost(new SmaCrossStrategy(10, 30, 100), Timeframe.Daily);
        var targets = default(TargetPositions);
        long position = 0;
        void Run(int count)
        {
            for (int t = 0; t < count; t++)
            {
                Bar bar = Bar(t, 100_000_000 + ((t * 7919L) % 5_000_000));
                host.OnBar(in bar, Account(position), ref targets);
                if (targets.Count > 0)
                {
                    position = targets[0].Shares;
                }
            }
        }

        Run(100_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(1_000_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static StrategyAccount Account(long position) => new(position, Money.Zero);

    private static Bar Bar(int index, long close) => TestBars.Flat(s_symbol, index, close);

    private sealed class CountingStrategy : IStrategy
    {
        public int BarsSeen { get; private set; }

        public string Name => "counting";

        public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets) => BarsSeen++;
    }

    private sealed class GreedyStrategy : IStrategy
    {
        public string Name => "greedy";

        public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets)
        {
            for (int i = 1; i <= TargetPositions.Capacity + 1; i++)
            {
                targets.TrySet(new TargetPosition(new SymbolId(i), 1));
            }
        }
    }
}
