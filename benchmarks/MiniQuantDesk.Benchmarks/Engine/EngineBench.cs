using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;
using MiniQuantDesk.Ring.Processing;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Benchmarks.Engine;

/// <summary>
/// The engine the benchmarks drive: one engine running <c>sma-cross</c> (fast 10, slow 30, 100 shares) on one
/// symbol's minute bars, armed and reconciled, with room for the orders and fills of 8M bars, and risk limits that
/// never stop it (the benchmark measures the chain doing its work, not a halted engine refusing it).
/// </summary>
public static class EngineBench
{
    /// <summary>The engine's id.</summary>
    public const int EngineId = 1;

    /// <summary>The symbol traded.</summary>
    public static readonly SymbolId Symbol = new(1);

    /// <summary>Slots in a threaded pipeline's ring.</summary>
    public const int ThreadedRingSize = 1 << 10;

    /// <summary>Slots in a polled pipeline's ring, as in the backtester. The stages write about 14 cache lines of each
    /// slot per event and a polled ring cycles through all its slots, so 16 slots stay in the level-1 cache where
    /// 128 did not (measured 4–5% more bars/s).</summary>
    public const int PolledRingSize = 16;

    /// <summary>Builds a pipeline of <paramref name="topology"/> and <paramref name="driver"/> with
    /// <paramref name="broker"/> after the gateway (after <paramref name="journal"/>, when there is one), and arms it
    /// just before <paramref name="source"/>'s first bar. A <paramref name="decisionObserver"/> (a latency probe) runs
    /// on the business-logic thread right after the gateway.</summary>
    public static TradingPipeline Create(
        PipelineTopology topology,
        PipelineDriver driver,
        InstantFills broker,
        MinuteBarSource source,
        IValueEventHandler<PipelineEvent>? journal = null,
        long runId = 1,
        IValueEventHandler<PipelineEvent>? decisionObserver = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var spec = new EngineSpec
        {
            EngineId = EngineId,
            RunId = runId,
            Strategy = static () => StrategyCatalog.Create("sma-cross", new Dictionary<string, string> { ["fast"] = "10", ["slow"] = "30", ["qty"] = "100" }, 4),
            Timeframe = Timeframe.OneMinute,
            InitialCash = new Money(1_000_000 * Micros.PerUnit),
            AllocationCap = new Money(10_000_000 * Micros.PerUnit),
            Risk = new RiskLimits { PatternDayTraderRule = false },
            SymbolCapacity = 4,
            // What a run needs (about 115k orders and fills per 8M bars) with room to spare: capacities are allocated
            // and committed up front, so oversizing them only adds start-up time and memory to every pipeline built.
            OrderCapacity = 1 << 17,
            FillCapacity = 1 << 17,
        };
        TradingPipeline pipeline = TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [spec],
            Topology = topology,
            Driver = driver,
            RingSize = driver == PipelineDriver.Polled ? PolledRingSize : ThreadedRingSize,
            MultipleProducers = false,
            WaitStrategy = static () => new YieldingWaitStrategy(),
            DecisionObservers = decisionObserver is null ? [] : [decisionObserver],
            Downstream = journal is null ? [broker] : [journal, broker],
            // Latency runs (and any run with a journal) have more threads than cores: the handlers after the business
            // logic sleep when idle instead of yielding, so they leave the cores to the producer and the business
            // logic, and a run with the journal differs from one without only by the journal.
            DownstreamWaitStrategy = journal is null && decisionObserver is null ? null : static () => new SleepingWaitStrategy(),
        });
        if (driver == PipelineDriver.Threaded)
        {
            pipeline.Start();
        }

        long armAt = source.NextStartNs - 1;
        pipeline.PublishControl(EngineId, armAt, ControlKind.ReconcileClean);
        pipeline.PublishControl(EngineId, armAt, ControlKind.Arm);
        return pipeline;
    }
}
