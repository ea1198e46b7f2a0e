namespace MiniQuantDesk.Backtest.Reporting;

/// <summary>
/// Picks at most <c>maxPoints</c> indices of a long series for a chart, deterministically: the series is cut into
/// <c>maxPoints / 2</c> equal buckets (integer bounds) and each bucket keeps its lowest and highest value in time
/// order, so peaks and troughs, which a reader looks for first, survive. The first and last indices are always kept.
/// </summary>
public static class ChartDownsampler
{
    /// <summary>The indices to draw, ascending; all of them when the series is short enough.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPoints"/> is below 4.</exception>
    public static List<int> Indices(IReadOnlyList<double> values, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        int count = values.Count;
        List<int> indices = new(Math.Min(count, maxPoints));
        if (count <= maxPoints)
        {
            for (int i = 0; i < count; i++)
            {
                indices.Add(i);
            }

            return indices;
        }

        // Two buckets' worth of room is kept for the first and last points.
        int buckets = (maxPoints / 2) - 1;
        indices.Add(0);
        for (int bucket = 0; bucket < buckets; bucket++)
        {
            int start = 1 + (int)((long)bucket * (count - 2) / buckets);
            int end = 1 + (int)((long)(bucket + 1) * (count - 2) / buckets);
            if (end <= start)
            {
                continue;
            }

            int low = start;
            int high = start;
            for (int i = start + 1; i < end; i++)
            {
                if (values[i] < values[low])
                {
                    low = i;
                }

                if (values[i] > values[high])
                {
                    high = i;
                }
            }

            indices.Add(Math.Min(low, high));
            if (low != high)
            {
                indices.Add(Math.Max(low, high));
            }
        }

        indices.Add(count - 1);
        return indices;
    }
}
