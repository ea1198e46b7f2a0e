using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>The venue's cost arithmetic, in integer micros through 128-bit intermediates: slippage and
/// commission. Every rounding goes against the trader.</summary>
internal static class FillPricing
{
    private const long PercentPerUnit = 100;

    /// <summary>
    /// Slippage per share: <c>min(ATR × SlippageAtrBps, price × SlippageCapBps) × SlippageMultiplierPercent</c>,
    /// rounded up to the micro. The multiplier is applied after the cap, so that a ×2 stress doubles the cost even
    /// where the cap binds.
    /// </summary>
    public static long Slippage(VenueOptions options, long averageTrueRangeMicros, long basePriceMicros)
    {
        if (options.SlippageAtrBps == 0 || options.SlippageMultiplierPercent == 0)
        {
            return 0;
        }

        Int128 basisPointMicros = (Int128)averageTrueRangeMicros * options.SlippageAtrBps;
        if (options.SlippageCapBps > 0)
        {
            basisPointMicros = Int128.Min(basisPointMicros, (Int128)basePriceMicros * options.SlippageCapBps);
        }

        Int128 divisor = VenueOptions.BasisPointsPerUnit * PercentPerUnit;
        Int128 scaled = basisPointMicros * options.SlippageMultiplierPercent;
        return checked((long)((scaled + divisor - 1) / divisor));
    }

    /// <summary>The price after slippage against the trader: a buy pays more, a sell gets less (never below one
    /// micro, the least tradable price).</summary>
    public static long Adverse(Side side, long basePriceMicros, long slippageMicros) =>
        side == Side.Buy
            ? checked(basePriceMicros + slippageMicros)
            : Math.Max(basePriceMicros - slippageMicros, 1);

    /// <summary>Per share × shares + bps × notional, rounded up to the micro, at least the minimum (for any fill
    /// of at least one share).</summary>
    public static Money Commission(VenueOptions options, long priceMicros, long shares)
    {
        if (shares <= 0)
        {
            return Money.Zero;
        }

        Int128 basisPointMicros = ((Int128)options.CommissionPerShareMicros * shares * VenueOptions.BasisPointsPerUnit)
            + ((Int128)priceMicros * shares * options.CommissionBps);
        Int128 fee = (basisPointMicros + VenueOptions.BasisPointsPerUnit - 1) / VenueOptions.BasisPointsPerUnit;
        return new Money(Math.Max(checked((long)fee), options.MinCommissionMicros));
    }
}
