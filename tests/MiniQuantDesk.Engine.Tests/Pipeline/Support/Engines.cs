using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>Engine specs for pipeline tests.</summary>
internal static class Engines
{
    public static EngineSpec Spec(int engineId, Func<IStrategy> strategy, RiskLimits? risk = null) => new()
    {
        EngineId = engineId,
        RunId = 7,
        Strategy = strategy,
        InitialCash = new Money(100_000 * Micros.PerUnit),
        AllocationCap = new Money(1_000_000 * Micros.PerUnit),
        SymbolCapacity = 8,
        Risk = risk ?? new RiskLimits { PatternDayTraderRule = false },
        OrderCapacity = 1 << 16,
        FillCapacity = 1 << 17,
    };

    public static TradingPipeline Polled(params EngineSpec[] engines) => Polled(engines, []);

    public static TradingPipeline Polled(EngineSpec[] engines, params Ring.Processing.IValueEventHandler<PipelineEvent>[] downstream) =>
        TradingPipeline.Create(new TradingPipelineOptions { Engines = engines, Driver = PipelineDriver.Polled, Downstream = downstream, RingSize = 1024 });

    /// <summary>Arms the engine and marks its reconcile clean at <paramref name="timeNs"/>.</summary>
    public static void Arm(TradingPipeline pipeline, int engineId, long timeNs)
    {
        pipeline.PublishControl(engineId, timeNs, ControlKind.ReconcileClean);
        pipeline.PublishControl(engineId, timeNs, ControlKind.Arm);
    }
}
