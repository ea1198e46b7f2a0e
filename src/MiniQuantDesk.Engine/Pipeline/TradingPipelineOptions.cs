using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Ring.Processing;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>How to build a <see cref="TradingPipeline"/>.</summary>
public sealed record TradingPipelineOptions
{
    /// <summary>The engines it runs (at least one, distinct ids).</summary>
    public required IReadOnlyList<EngineSpec> Engines { get; init; }

    /// <summary>Fused (default) or staged.</summary>
    public PipelineTopology Topology { get; init; } = PipelineTopology.Fused;

    /// <summary>Threads (live) or the caller's thread (replay, backtest).</summary>
    public PipelineDriver Driver { get; init; } = PipelineDriver.Threaded;

    /// <summary>Slots in the ring (a power of two).</summary>
    public int RingSize { get; init; } = 4096;

    /// <summary>True when more than one thread publishes (a feed, the broker adapter and the operator, say).</summary>
    public bool MultipleProducers { get; init; } = true;

    /// <summary>Makes the wait strategy (threaded driver). Yielding by default: low latency without a core pinned.</summary>
    public Func<IWaitStrategy> WaitStrategy { get; init; } = static () => new YieldingWaitStrategy();

    /// <summary>Makes the wait strategy of the downstream handlers (threaded driver); null: the business logic's. A
    /// journal or recorder off the latency path can sleep rather than yield, leaving the cores to the business logic
    /// on a small machine. It must not block on a signal (the ring signals only its own strategy).</summary>
    public Func<IWaitStrategy>? DownstreamWaitStrategy { get; init; }

    /// <summary>The exchange calendar.</summary>
    public NyseCalendar Calendar { get; init; } = NyseCalendar.Default;

    /// <summary>Handlers that run on the business-logic thread right after the gateway, before the business logic's
    /// sequence (<see cref="TradingPipeline.DecidedThrough"/>) moves past the event: a latency probe or a decision
    /// counter that must see each decision as it is made. They share the business logic's time budget, so they must
    /// be brief, allocation-free and never block; like <see cref="Downstream"/>, they read the slot and write none of
    /// the stages' outputs.</summary>
    public IReadOnlyList<IValueEventHandler<PipelineEvent>> DecisionObservers { get; init; } = [];

    /// <summary>Handlers that follow the business logic, in order, each after the one before (a journal, a recorder,
    /// the simulated venue). They read the decisions in the slot; they must not write the stages' outputs.</summary>
    public IReadOnlyList<IValueEventHandler<PipelineEvent>> Downstream { get; init; } = [];
}
