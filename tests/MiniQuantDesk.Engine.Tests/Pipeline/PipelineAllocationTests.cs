using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Strategy;
using MiniQuantDesk.Engine.Tests.Pipeline.Support;

namespace MiniQuantDesk.Engine.Tests.Pipeline;

/// <summary>
/// The whole chain allocates nothing per event once warm: bars published into a polled, fused pipeline running
/// `sma-cross`, each order the gateway approves acknowledged and filled by <see cref="InstantBroker"/> at the next
/// bar's open, so that integrity, the strategy, risk, the gateway, the order manager and the portfolio all do their
/// real work. Everything runs on this thread, so the per-thread counter sees exactly the hot path.
/// </summary>
public sealed class PipelineAllocationTests
{
    private const int Engine = 1;
    // Long enough that tiered compilation has promoted every hot method, loops included, before anything is
    // counted, even on a loaded machine where the background compiler runs late.
    private const int WarmUpBars = 20_000;
    private const int MeasuredBars = 6_000;

    [Fact]
    public void Bars_orders_acks_and_fills_through_the_whole_chain_allocate_nothing_in_steady_state()
    {
        Bar[] bars = CyclingBars(WarmUpBars + MeasuredBars + 1);
        var broker = new InstantBroker();
        TradingPipeline pipeline = Engines.Polled([SmaCrossSpec()], broker);
        Engines.Arm(pipeline, Engine, bars[0].StartNs - 1);

        Drive(pipeline, broker, bars, 0, WarmUpBars);
        long approvedBefore = broker.Approved;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Drive(pipeline, broker, bars, WarmUpBars, WarmUpBars + MeasuredBars);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The measured stretch really traded: the cycle makes sma-cross buy and sell again and again.
        Assert.True(broker.Approved - approvedBefore >= 100, $"only {broker.Approved - approvedBefore} orders approved while measuring");
        Assert.Equal(ReasonCode.None, pipeline.Gateway.BookAt(0).Halt.Code);
        Assert.True(allocated == 0, $"{allocated} bytes allocated over {MeasuredBars} bars in steady state");
    }

    [Fact]
    public void The_allocation_probe_sees_an_allocating_strategy()
    {
        Bar[] bars = CyclingBars(200);
        var broker = new InstantBroker();
        EngineSpec spec = SmaCrossSpec() with { Strategy = () => new AllocatingStrategy() };
        TradingPipeline pipeline = Engines.Polled([spec], broker);
        Engines.Arm(pipeline, Engine, bars[0].StartNs - 1);
        Drive(pipeline, broker, bars, 0, 100);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Drive(pipeline, broker, bars, 100, 199);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before >= 99 * 24);
    }

    private static EngineSpec SmaCrossSpec() => Engines.Spec(
        Engine,
        () => StrategyCatalog.Create("sma-cross", new Dictionary<string, string> { ["fast"] = "5", ["slow"] = "20", ["qty"] = "100" }, 8));

    private static void Drive(TradingPipeline pipeline, InstantBroker broker, Bar[] bars, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            pipeline.PublishBar(Engine, in bars[i]);
            pipeline.Poll();
            broker.FillAll(pipeline, bars[i + 1].Open, bars[i + 1].StartNs);
            pipeline.Poll();
        }
    }

    /// <summary>Daily bars on consecutive sessions whose close walks a triangle wave (period 40 sessions), so the
    /// fast and slow averages cross twice a period.</summary>
    private static Bar[] CyclingBars(int count)
    {
        var bars = new Bar[count];
        DateOnly day = Sessions.First;
        for (int i = 0; i < count; i++)
        {
            int phase = i % 40;
            long close = (100 + (phase < 20 ? phase : 40 - phase)) * Micros.PerUnit;
            bars[i] = Sessions.Daily(new SymbolId(1), day, close);
            day = NyseCalendar.Default.NextTradingDay(day);
        }

        return bars;
    }

    /// <summary>A strategy that allocates on every bar: the probe must see it.</summary>
    private sealed class AllocatingStrategy : IStrategy
    {
        public string Name => "allocating";

        public object? Last { get; private set; }

        public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets) => Last = new object();
    }
}
