using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// An engine portfolio's money and capacities. Everything the portfolio will ever hold is allocated from these at
/// construction; a capacity that would be exceeded is a halt with <see cref="ReasonCode.CapacityExceeded"/>, never
/// growth. <see cref="Validate"/> refuses nonsense before the engine starts.
/// </summary>
public sealed record PortfolioOptions
{
    /// <summary>The largest <see cref="SymbolCapacity"/>: 65,536 symbol ids (US-listed equities and ETFs are about 12,000).</summary>
    public const int MaxSymbolCapacity = 1 << 16;

    /// <summary>The largest <see cref="OpenLotCapacity"/>: sixteen million open lots.</summary>
    public const int MaxOpenLotCapacity = 1 << 24;

    /// <summary>The largest <see cref="FillCapacity"/>: sixty-seven million fills (about 4 GB of ledger and index).</summary>
    public const int MaxFillCapacity = 1 << 26;

    /// <summary>The engine's cash before its first fill.</summary>
    public required Money InitialCash { get; init; }

    /// <summary>The most capital the engine's positions may use, as gross exposure (Σ |position × price|).
    /// Each engine has its own; an order that would take gross exposure above it is refused.</summary>
    public required Money AllocationCap { get; init; }

    /// <summary>The highest symbol id the portfolio knows (ids 1 to this); a larger id is an unknown symbol.
    /// Usually the symbol table's count at start.</summary>
    public required int SymbolCapacity { get; init; }

    /// <summary>How many lots may be open at once, over all symbols (one lot per opening fill). A fill that
    /// would open one more is refused.</summary>
    public int OpenLotCapacity { get; init; } = 16_384;

    /// <summary>How many fills the ledger (and with it the fill-id set) holds for the whole run. A new fill
    /// beyond it is refused and halts: the portfolio can no longer prove exactly-once, so it fails closed.
    /// About 70 to 76 bytes per fill: 60 in the ledger (the fill and its link to the symbol's previous fill) and 8 to 16
    /// in the id index, which has a power of two of at least twice as many slots.</summary>
    public int FillCapacity { get; init; } = 262_144;

    /// <summary>How many corporate actions the action ledger holds for the whole run; one more is refused and halts.</summary>
    public int CorporateActionCapacity { get; init; } = 4_096;

    /// <summary>Throws when an amount or capacity is out of range; the message names it.</summary>
    public void Validate()
    {
        Require(InitialCash.Micros >= 0, nameof(InitialCash), "cannot be negative");
        Require(AllocationCap.Micros > 0, nameof(AllocationCap), "must be positive");
        Require(SymbolCapacity is > 0 and <= MaxSymbolCapacity, nameof(SymbolCapacity), $"must be between 1 and {MaxSymbolCapacity}");
        Require(OpenLotCapacity is > 0 and <= MaxOpenLotCapacity, nameof(OpenLotCapacity), $"must be between 1 and {MaxOpenLotCapacity}");
        Require(FillCapacity is > 0 and <= MaxFillCapacity, nameof(FillCapacity), $"must be between 1 and {MaxFillCapacity}");
        Require(CorporateActionCapacity is > 0 and <= MaxFillCapacity, nameof(CorporateActionCapacity), $"must be between 1 and {MaxFillCapacity}");
    }

    private static void Require(bool condition, string name, string what)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"Portfolio option {name} {what}.");
        }
    }
}
