using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Metrics;

/// <summary>
/// Computes <see cref="BacktestMetrics"/> from a run's equity curve, round trips and fills. Every sum runs in input
/// order, so the same run gives the same doubles bit for bit.
/// <para>
/// Daily returns take the last equity point of each New York date; the first return is from the first date's
/// last point to the second's (the initial cash is not a daily close). Sharpe uses the sample standard deviation
/// (n − 1); Sortino's downside deviation is √(Σ min(r, 0)² / n) over all n daily returns (target 0). Both are
/// annualised by √252 and are 0 when fewer than two daily returns exist or the deviation is 0.
/// </para>
/// </summary>
public static class MetricsCalculator
{
    /// <summary>Trading days in a year, for annualising daily ratios.</summary>
    public const int TradingDaysPerYear = 252;

    /// <summary>Days in an average calendar year, for CAGR.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>Computes the metrics of a run.</summary>
    /// <param name="equity">Equity points in time order, one per bar time.</param>
    /// <param name="roundTrips">The run's round trips.</param>
    /// <param name="fills">The run's fills.</param>
    /// <param name="initialCashMicros">Cash at the start, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">The initial cash is not positive.</exception>
    public static BacktestMetrics Compute(
        IReadOnlyList<EquityPoint> equity,
        IReadOnlyList<RoundTrip> roundTrips,
        IReadOnlyList<FillRecord> fills,
        long initialCashMicros)
    {
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentNullException.ThrowIfNull(roundTrips);
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCashMicros);

        long finalEquity = equity.Count == 0 ? initialCashMicros : equity[^1].EquityMicros;
        double growth = (double)finalEquity / initialCashMicros;
        List<double> daily = DailyReturns(equity);
        (double maxDrawdown, int drawdownDays) = Drawdown(equity);
        (double? profitFactor, double winRate) = TradeStatistics(roundTrips);

        return new BacktestMetrics(
            InitialCashMicros: initialCashMicros,
            FinalEquityMicros: finalEquity,
            TotalReturn: growth - 1,
            Cagr: Cagr(equity, growth),
            Sharpe: Sharpe(daily),
            Sortino: Sortino(daily),
            MaxDrawdown: maxDrawdown,
            MaxDrawdownDurationDays: drawdownDays,
            ProfitFactor: profitFactor,
            WinRate: winRate,
            TradeCount: roundTrips.Count,
            Exposure: Exposure(equity),
            Turnover: Turnover(equity, fills),
            TotalFeesMicros: TotalFees(fills),
            Bars: equity.Count);
    }

    /// <summary>Daily returns from the last equity point of each New York date, in date order.</summary>
    public static List<double> DailyReturns(IReadOnlyList<EquityPoint> equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        List<long> closes = [];
        DateOnly? currentDate = null;
        foreach (EquityPoint point in equity)
        {
            DateOnly date = ArtifactTime.NewYorkDate(point.TimeNs);
            if (date == currentDate)
            {
                closes[^1] = point.EquityMicros;
            }
            else
            {
                closes.Add(point.EquityMicros);
                currentDate = date;
            }
        }

        List<double> returns = new(Math.Max(0, closes.Count - 1));
        for (int i = 1; i < closes.Count; i++)
        {
            // After a non-positive close a return has no meaning; the day counts as flat.
            returns.Add(closes[i - 1] <= 0 ? 0 : ((double)closes[i] / closes[i - 1]) - 1);
        }

        return returns;
    }

    private static double Cagr(IReadOnlyList<EquityPoint> equity, double growth)
    {
        if (equity.Count < 2)
        {
            return 0;
        }

        int days = ArtifactTime.CalendarDaysBetween(equity[0].TimeNs, equity[^1].TimeNs);
        if (days <= 0)
        {
            return 0;
        }

        return growth <= 0 ? -1 : Math.Pow(growth, DaysPerYear / days) - 1;
    }

    private static double Sharpe(List<double> daily)
    {
        if (daily.Count < 2)
        {
            return 0;
        }

        double mean = Mean(daily);
        double squares = 0;
        foreach (double value in daily)
        {
            squares += (value - mean) * (value - mean);
        }

        double deviation = Math.Sqrt(squares / (daily.Count - 1));
        return deviation > 0 ? mean / deviation * Math.Sqrt(TradingDaysPerYear) : 0;
    }

    private static double Sortino(List<double> daily)
    {
        if (daily.Count < 2)
        {
            return 0;
        }

        double downsideSquares = 0;
        foreach (double value in daily)
        {
            double shortfall = Math.Min(value, 0);
            downsideSquares += shortfall * shortfall;
        }

        double downside = Math.Sqrt(downsideSquares / daily.Count);
        return downside > 0 ? Mean(daily) / downside * Math.Sqrt(TradingDaysPerYear) : 0;
    }

    private static double Mean(List<double> values)
    {
        double sum = 0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum / values.Count;
    }

    /// <summary>The deepest drawdown (from <see cref="DrawdownSeries"/>) and the longest peak-to-recovery span.</summary>
    private static (double Deepest, int LongestDays) Drawdown(IReadOnlyList<EquityPoint> equity)
    {
        long[] drawdowns = DrawdownSeries.Millionths(equity);
        long deepest = 0;
        foreach (long drawdown in drawdowns)
        {
            deepest = Math.Max(deepest, drawdown);
        }

        int longest = 0;
        int peakIndex = 0;
        for (int i = 1; i < equity.Count; i++)
        {
            if (equity[i].EquityMicros >= equity[peakIndex].EquityMicros)
            {
                // Every point between the peak and this one was below the peak: if there was any, the drawdown
                // lasted from the peak to this recovery.
                if (i > peakIndex + 1)
                {
                    longest = Math.Max(longest, ArtifactTime.CalendarDaysBetween(equity[peakIndex].TimeNs, equity[i].TimeNs));
                }

                peakIndex = i;
            }
        }

        if (equity.Count > 0 && peakIndex < equity.Count - 1)
        {
            longest = Math.Max(longest, ArtifactTime.CalendarDaysBetween(equity[peakIndex].TimeNs, equity[^1].TimeNs));
        }

        return ((double)deepest / DrawdownSeries.PerUnit, longest);
    }

    private static (double? ProfitFactor, double WinRate) TradeStatistics(IReadOnlyList<RoundTrip> roundTrips)
    {
        Int128 grossWins = 0;
        Int128 grossLosses = 0;
        int wins = 0;
        foreach (RoundTrip trip in roundTrips)
        {
            if (trip.PnlMicros > 0)
            {
                grossWins += trip.PnlMicros;
                wins++;
            }
            else
            {
                grossLosses -= trip.PnlMicros;
            }
        }

        double? profitFactor = grossLosses > 0 ? (double)grossWins / (double)grossLosses : null;
        double winRate = roundTrips.Count == 0 ? 0 : (double)wins / roundTrips.Count;
        return (profitFactor, winRate);
    }

    private static double Exposure(IReadOnlyList<EquityPoint> equity)
    {
        if (equity.Count == 0)
        {
            return 0;
        }

        int exposed = 0;
        foreach (EquityPoint point in equity)
        {
            if (point.GrossExposureMicros > 0)
            {
                exposed++;
            }
        }

        return (double)exposed / equity.Count;
    }

    private static double Turnover(IReadOnlyList<EquityPoint> equity, IReadOnlyList<FillRecord> fills)
    {
        if (equity.Count == 0)
        {
            return 0;
        }

        Int128 equitySum = 0;
        foreach (EquityPoint point in equity)
        {
            equitySum += point.EquityMicros;
        }

        Int128 notional = 0;
        foreach (FillRecord fill in fills)
        {
            notional += Int128.Abs((Int128)fill.PriceMicros * fill.Quantity);
        }

        double averageEquity = (double)equitySum / equity.Count;
        return averageEquity > 0 ? (double)notional / averageEquity : 0;
    }

    private static long TotalFees(IReadOnlyList<FillRecord> fills)
    {
        long total = 0;
        foreach (FillRecord fill in fills)
        {
            total = checked(total + fill.FeeMicros);
        }

        return total;
    }
}
