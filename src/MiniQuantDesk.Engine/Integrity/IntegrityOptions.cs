using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Engine.Integrity;

/// <summary>
/// How the integrity guard is sized and how strict it is. Sizes are fixed at construction: the guard pre-allocates
/// its state for every symbol, timeframe and feed here and never grows (a bar beyond them is refused with a named
/// reason). Defaults are the strict ones: no missing bar tolerated, feeds must agree exactly.
/// </summary>
public sealed record IntegrityOptions
{
    /// <summary>The highest <see cref="SymbolId"/> value tracked (ids 1 to this).</summary>
    public int SymbolCapacity { get; init; } = 64;

    /// <summary>The timeframes tracked, each a series per symbol.</summary>
    public IReadOnlyList<Timeframe> Timeframes { get; init; } = [Timeframe.Daily, Timeframe.OneMinute];

    /// <summary>The number of feeds that may deliver bars (ids 0 to this − 1). Two feeds cross-check each other.</summary>
    public int FeedCount { get; init; } = 1;

    /// <summary>How many expected bars may be missing between two accepted bars before it is a gap (0: none).</summary>
    public int GapToleranceBars { get; init; }

    /// <summary>How late a due bar may be (past its close) before the feed is stale and the guard disarms.</summary>
    public long StaleAfterNs { get; init; } = 2 * EventTime.NanosPerMinute;

    /// <summary>How far apart, in micros, two feeds' prices of the same bar may be (0: exact).</summary>
    public long PriceToleranceMicros { get; init; }

    /// <summary>How far apart, in shares, two feeds' volumes of the same bar may be (0: exact).</summary>
    public long VolumeTolerance { get; init; }

    /// <summary>How many recent accepted bars per series are kept to compare with a later copy from another feed;
    /// a copy of an older bar cannot be compared and is refused as out of order.</summary>
    public int CopyWindowBars { get; init; } = 16;

    /// <summary>Checks every option, naming the first wrong one and what it must be.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        Require(SymbolCapacity is > 0 and <= 1_000_000, nameof(SymbolCapacity), "must be 1 to 1,000,000 symbols");
        Require(Timeframes is { Count: > 0 and <= 16 }, nameof(Timeframes), "must list 1 to 16 timeframes");
        Require(Timeframes.All(t => t.IsValid), nameof(Timeframes), "must be daily (0) or 1 to 390 minutes");
        Require(Timeframes.Distinct().Count() == Timeframes.Count, nameof(Timeframes), "must not list a timeframe twice");
        Require(FeedCount is > 0 and <= 8, nameof(FeedCount), "must be 1 to 8 feeds");
        Require(GapToleranceBars >= 0, nameof(GapToleranceBars), "must not be negative");
        Require(StaleAfterNs > 0, nameof(StaleAfterNs), "must be positive");
        Require(PriceToleranceMicros >= 0, nameof(PriceToleranceMicros), "must not be negative");
        Require(VolumeTolerance >= 0, nameof(VolumeTolerance), "must not be negative");
        Require(CopyWindowBars is > 0 and <= 1024, nameof(CopyWindowBars), "must be 1 to 1024 bars");
    }

    private static void Require(bool condition, string option, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Integrity option {option} {rule}.", option);
        }
    }
}
