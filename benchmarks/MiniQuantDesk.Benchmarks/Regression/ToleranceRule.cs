namespace MiniQuantDesk.Benchmarks.Regression;

/// <summary>
/// How low a ratio (ours against the Channels baseline of the same run) may fall before the check fails:
/// <c>allowedMinimum = (lowest ratio seen over the baseline's runs) × (1 − Margin)</c>, where with 5 runs or more
/// the single lowest run is set aside as an outlier (the second lowest counts). The band is the run-to-run range
/// actually measured when the baseline was made, widened by <see cref="Margin"/>: a ratio that was stable gets a
/// tolerance of about <see cref="Margin"/>, one that moved a lot between runs gets what it moved.
/// </summary>
/// <param name="Margin">How far below the lowest baseline run a ratio may fall, as a fraction (0.30 = 30%).</param>
/// <param name="Explanation">Where the numbers come from, in words.</param>
public sealed record ToleranceRule(double Margin, string Explanation)
{
    /// <summary>The lowest passing ratio for a benchmark whose baseline runs gave <paramref name="runs"/>.</summary>
    public double AllowedMinimum(IReadOnlyList<double> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        double[] sorted = [.. runs.Order()];
        double lowest = sorted.Length >= 5 ? sorted[1] : sorted[0];
        return RoundRatio(lowest * (1 - Margin));
    }

    /// <summary>
    /// Rounds a ratio for the baseline files: to 3 decimals, or to 4 significant digits where that keeps more — ratios
    /// below 1 (a whole backtest job against parsing its CSV alone is about 0.02x) would otherwise keep one or two.
    /// </summary>
    public static double RoundRatio(double value)
    {
        if (value == 0 || Math.Abs(value) >= 1 || !double.IsFinite(value))
        {
            return Math.Round(value, 3);
        }

        int decimals = 3 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return Math.Round(value, Math.Min(decimals, 15));
    }

    /// <summary>(max − min) / median of <paramref name="values"/>; 0 for fewer than two.</summary>
    public static double Spread(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count < 2 ? 0 : Math.Round((values.Max() - values.Min()) / Median(values), 3);
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
