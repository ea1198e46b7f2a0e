using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>
/// Everything that defines one engine on the pipeline: its id, its strategy, its limits, its capital. Each engine
/// gets its own copy of every piece of state built from this, so nothing one engine does can move another.
/// </summary>
public sealed record EngineSpec
{
    /// <summary>The engine's id (1 to 65,535): carried by every event and every client order id.</summary>
    public required int EngineId { get; init; }

    /// <summary>The run, part of every client order id.</summary>
    public long RunId { get; init; } = 1;

    /// <summary>Makes the engine's strategy. A factory, because each pipeline built from the spec needs its own
    /// strategy instance (strategies keep state).</summary>
    public required Func<IStrategy> Strategy { get; init; }

    /// <summary>The one timeframe the strategy sees.</summary>
    public Timeframe Timeframe { get; init; } = Timeframe.Daily;

    /// <summary>Record intents, never execute them.</summary>
    public bool Shadow { get; init; }

    /// <summary>The risk limits.</summary>
    public RiskLimits Risk { get; init; } = new();

    /// <summary>Cash at the start.</summary>
    public required Money InitialCash { get; init; }

    /// <summary>The most gross exposure the engine's positions may use.</summary>
    public required Money AllocationCap { get; init; }

    /// <summary>The highest symbol id the engine trades.</summary>
    public int SymbolCapacity { get; init; } = 64;

    /// <summary>The integrity guard's options, except the symbol capacity, which is <see cref="SymbolCapacity"/>.</summary>
    public IntegrityOptions Integrity { get; init; } = new();

    /// <summary>How old a clean reconcile may be before the gateway refuses new orders.</summary>
    public long ReconcileMaxAgeNs { get; init; } = long.MaxValue;

    /// <summary>How many orders the engine can create in a run.</summary>
    public int OrderCapacity { get; init; } = 65_536;

    /// <summary>How many fills the engine can apply in a run.</summary>
    public int FillCapacity { get; init; } = 262_144;

    /// <summary>Checks the spec; throws with the field and the allowed range.</summary>
    public void Validate()
    {
        if (EngineId is < 1 or > Execution.ClientOrderId.MaxEngineId)
        {
            throw new ArgumentOutOfRangeException(nameof(EngineId), EngineId, $"An engine id is 1 to {Execution.ClientOrderId.MaxEngineId}.");
        }

        ArgumentNullException.ThrowIfNull(Strategy);
        ArgumentNullException.ThrowIfNull(Risk);
        ArgumentNullException.ThrowIfNull(Integrity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SymbolCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OrderCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FillCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReconcileMaxAgeNs);
        Risk.Validate();
    }
}
