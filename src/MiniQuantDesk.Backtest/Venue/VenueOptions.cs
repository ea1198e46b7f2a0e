using System.Globalization;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>
/// How the simulated venue fills orders and what it charges. <see cref="Conservative"/> (the default) makes fills
/// later, smaller and dearer than a naive backtest would; <see cref="Frictionless"/> (<c>--costs none</c>) removes
/// slippage, commissions and the volume cap, to show what friction costs a strategy. Stress profiles start from
/// either and change single fields (<c>with</c>).
/// </summary>
public sealed record VenueOptions
{
    /// <summary>Basis points in one whole.</summary>
    public const int BasisPointsPerUnit = 10_000;

    /// <summary>The default: fills at the next open, 10% of bar volume, slippage 5% of ATR capped at 25 bps,
    /// $0.005 a share.</summary>
    public static VenueOptions Conservative { get; } = new();

    /// <summary>No slippage, no commission, no volume cap (<c>--costs none</c>); timing and latency as
    /// <see cref="Conservative"/>.</summary>
    public static VenueOptions Frictionless { get; } = new()
    {
        MaxVolumeShareBps = 0,
        SlippageAtrBps = 0,
        CommissionPerShareMicros = 0,
        CommissionBps = 0,
        MinCommissionMicros = 0,
    };

    /// <summary>When market orders fill (default <see cref="FillTiming.NextBarOpen"/>).</summary>
    public FillTiming FillTiming { get; init; } = FillTiming.NextBarOpen;

    /// <summary>Extra bars of the order's symbol, starting at or after its decision, that pass before it may fill
    /// (0 by default; the "high latency" stress uses 1).</summary>
    public int LatencyBars { get; init; }

    /// <summary>The most shares all orders of a symbol may fill on one bar, in basis points of the bar's volume
    /// (1000 = 10%); 0 for no cap. A bar with volume 0 (the source reports none) is not capped.</summary>
    public int MaxVolumeShareBps { get; init; } = 1000;

    /// <summary>Bars in the average true range that scales slippage (14).</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Slippage per share in basis points of the ATR (500 = 5% of ATR); 0 for none.</summary>
    public int SlippageAtrBps { get; init; } = 500;

    /// <summary>The most slippage per share, in basis points of the fill price before slippage (25); 0 for no cap.</summary>
    public int SlippageCapBps { get; init; } = 25;

    /// <summary>Scales the capped slippage, in percent (100; the "slippage ×2" stress uses 200). Applied after the
    /// cap, so that ×2 really doubles the cost.</summary>
    public int SlippageMultiplierPercent { get; init; } = 100;

    /// <summary>Commission per share, micros (5 000 = $0.005).</summary>
    public long CommissionPerShareMicros { get; init; } = 5_000;

    /// <summary>Commission in basis points of the fill's notional (0).</summary>
    public int CommissionBps { get; init; }

    /// <summary>The least commission on a fill, micros (0).</summary>
    public long MinCommissionMicros { get; init; }

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message and the parameter name say which.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(FillTiming))
        {
            throw Invalid(nameof(FillTiming), (long)FillTiming, "must be NextBarOpen or SameBarClose");
        }

        RequireNonNegative(nameof(LatencyBars), LatencyBars);
        RequireNonNegative(nameof(MaxVolumeShareBps), MaxVolumeShareBps);
        if (MaxVolumeShareBps > BasisPointsPerUnit)
        {
            throw Invalid(nameof(MaxVolumeShareBps), MaxVolumeShareBps, "must be at most 10000 (all of a bar's volume)");
        }

        if (AtrPeriod < 1)
        {
            throw Invalid(nameof(AtrPeriod), AtrPeriod, "must be at least 1");
        }

        RequireNonNegative(nameof(SlippageAtrBps), SlippageAtrBps);
        RequireNonNegative(nameof(SlippageCapBps), SlippageCapBps);
        RequireNonNegative(nameof(SlippageMultiplierPercent), SlippageMultiplierPercent);
        RequireNonNegative(nameof(CommissionPerShareMicros), CommissionPerShareMicros);
        RequireNonNegative(nameof(CommissionBps), CommissionBps);
        RequireNonNegative(nameof(MinCommissionMicros), MinCommissionMicros);
    }

    private static void RequireNonNegative(string field, long value)
    {
        if (value < 0)
        {
            throw Invalid(field, value, "must not be negative");
        }
    }

    private static ArgumentException Invalid(string field, long value, string rule) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Venue option {field} {rule}; it is {value}."), field);
}
