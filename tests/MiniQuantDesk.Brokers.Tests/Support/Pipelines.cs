using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Brokers.Tests.Support;

/// <summary>A real polled trading pipeline for engine 1 (run 7) with a recorder downstream.</summary>
internal static class Pipelines
{
    public static (TradingPipeline Pipeline, BrokerEventRecorder Recorder, SymbolTable Symbols) Polled()
    {
        var symbols = new SymbolTable();
        symbols.Register("SPY");
        symbols.Register("QQQ");
        var recorder = new BrokerEventRecorder();
        var spec = new EngineSpec
        {
            EngineId = 1,
            RunId = 7,
            Strategy = () => new HoldStrategy(),
            InitialCash = new Money(Micros.FromUnits(100_000)),
            AllocationCap = new Money(Micros.FromUnits(1_000_000)),
            SymbolCapacity = 8,
            Risk = new RiskLimits { PatternDayTraderRule = false },
            OrderCapacity = 1 << 10,
            FillCapacity = 1 << 10,
        };
        TradingPipeline pipeline = TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [spec],
            Driver = PipelineDriver.Polled,
            Downstream = [recorder],
            RingSize = 64,
        });
        return (pipeline, recorder, symbols);
    }

    /// <summary>A strategy that never trades: these tests drive the pipeline with broker events only.</summary>
    private sealed class HoldStrategy : IStrategy
    {
        public string Name => "hold";

        public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets)
        {
        }
    }
}
