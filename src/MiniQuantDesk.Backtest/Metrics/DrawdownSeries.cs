using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Metrics;

/// <summary>
/// The drawdown of an equity curve at each point: how far equity stands below its running peak, as a positive
/// fraction of that peak. Computed in integers as millionths (so <c>equity.csv</c>, <c>metrics.json</c> and the report
/// agree to the digit): <c>(peak − equity) × 1,000,000 / peak</c>, rounded half away from zero. The peak starts at the
/// first point; a curve whose peak is not positive has no meaningful drawdown and reports 0.
/// </summary>
public static class DrawdownSeries
{
    /// <summary>Millionths in a whole fraction (1.0).</summary>
    public const long PerUnit = 1_000_000;

    /// <summary>The drawdown at each point, in millionths of the running peak.</summary>
    public static long[] Millionths(IReadOnlyList<EquityPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        long[] drawdowns = new long[points.Count];
        long peak = long.MinValue;
        for (int i = 0; i < points.Count; i++)
        {
            long equity = points[i].EquityMicros;
            peak = Math.Max(peak, equity);
            drawdowns[i] = peak <= 0 ? 0 : RoundedRatio((Int128)(peak - (Int128)equity) * PerUnit, peak);
        }

        return drawdowns;
    }

    private static long RoundedRatio(Int128 numerator, long denominator)
    {
        (Int128 quotient, Int128 remainder) = Int128.DivRem(numerator, denominator);
        if (remainder * 2 >= denominator)
        {
            quotient++;
        }

        return checked((long)quotient);
    }
}
