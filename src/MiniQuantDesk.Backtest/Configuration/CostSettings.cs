namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// The simulated venue's costs. Rates are whole basis points or percent so that they compare and serialize
/// exactly; amounts are micros. A zero <see cref="MaxVolumeShareBps"/> means no volume cap.
/// </summary>
public sealed record CostSettings
{
    /// <summary>The conservative defaults.</summary>
    public static CostSettings Conservative { get; } = new();

    /// <summary>No costs at all and no volume cap; the ATR period stays so the volatility proxy is still defined.</summary>
    public static CostSettings None { get; } = new()
    {
        SlippageAtrBps = 0,
        SlippageCapBps = 0,
        SlippageMultiplierPercent = 0,
        CommissionPerShareMicros = 0,
        CommissionBps = 0,
        MinCommissionMicros = 0,
        MaxVolumeShareBps = 0,
    };

    /// <summary>Slippage as basis points of the bar's ATR (500 = 5% of ATR), before the cap.</summary>
    public int SlippageAtrBps { get; init; } = 500;

    /// <summary>The most slippage may be, in basis points of the price.</summary>
    public int SlippageCapBps { get; init; } = 25;

    /// <summary>Scales the slippage after the cap, in percent (100 = as computed, 200 = doubled by a stress).</summary>
    public int SlippageMultiplierPercent { get; init; } = 100;

    /// <summary>Commission per share, in micros (5000 = half a cent).</summary>
    public long CommissionPerShareMicros { get; init; } = 5000;

    /// <summary>Commission in basis points of the fill's notional, added to the per-share commission.</summary>
    public int CommissionBps { get; init; }

    /// <summary>The least commission one fill pays, in micros.</summary>
    public long MinCommissionMicros { get; init; }

    /// <summary>The largest share of a bar's volume one order may fill in that bar, in basis points; 0 = no cap.</summary>
    public int MaxVolumeShareBps { get; init; } = 1000;

    /// <summary>Bars in the average true range that drives slippage.</summary>
    public int AtrPeriod { get; init; } = 14;
}
