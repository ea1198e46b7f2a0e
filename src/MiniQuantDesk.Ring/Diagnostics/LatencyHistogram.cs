using System.Numerics;

namespace MiniQuantDesk.Ring.Diagnostics;

/// <summary>
/// A fixed-size, log-linear histogram of non-negative values (latencies in nanoseconds, typically), in the spirit
/// of HdrHistogram, which the registry does not serve. Values below 2048 are counted exactly; above, each power of
/// two is split into 1024 buckets, so a reported value is within 0.1% of the recorded one. Recording allocates
/// nothing and takes constant time; one instance is for one thread.
/// </summary>
public sealed class LatencyHistogram
{
    private const int ExactBits = 11;
    private const int ExactCount = 1 << ExactBits;
    private const int SubBucketBits = ExactBits - 1;
    private const int SubBucketCount = 1 << SubBucketBits;

    // Exponents 1..(63 - SubBucketBits) cover every non-negative long above the exact range.
    private const int BucketCount = ExactCount + ((63 - SubBucketBits) * SubBucketCount);

    private readonly long[] _counts = new long[BucketCount];

    /// <summary>The number of recorded values.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest recorded value, or 0 when empty.</summary>
    public long Min { get; private set; }

    /// <summary>The largest recorded value, or 0 when empty.</summary>
    public long Max { get; private set; }

    /// <summary>The mean of the recorded values, or 0 when empty.</summary>
    public double Mean => Count == 0 ? 0 : (double)_sum / Count;

    private Int128 _sum;

    /// <summary>Records one value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public void Record(long value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A latency cannot be negative: check that both timestamps come from the same clock.");
        }

        _counts[IndexOf(value)]++;
        if (Count == 0 || value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }

        Count++;
        _sum += value;
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> (0 to 100): the highest value of the bucket holding the
    /// recorded value of that rank, capped at <see cref="Max"/>. Returns 0 when empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (double.IsNaN(percentile) || percentile < 0 || percentile > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is between 0 and 100.");
        }

        if (Count == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * Count));
        long seen = 0;
        for (int index = 0; index < _counts.Length; index++)
        {
            seen += _counts[index];
            if (seen >= rank)
            {
                return Math.Min(HighestValueOf(index), Max);
            }
        }

        return Max;
    }

    /// <summary>Adds every value recorded in <paramref name="other"/> to this histogram.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        for (int index = 0; index < _counts.Length; index++)
        {
            _counts[index] += other._counts[index];
        }

        Min = Count == 0 ? other.Min : Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        Count += other.Count;
        _sum += other._sum;
    }

    /// <summary>Forgets every recorded value.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        Count = 0;
        Min = 0;
        Max = 0;
        _sum = 0;
    }

    /// <summary>The bucket index of <paramref name="value"/>.</summary>
    internal static int IndexOf(long value)
    {
        if (value < ExactCount)
        {
            return (int)value;
        }

        int exponent = BitOperations.Log2((ulong)value) - SubBucketBits;
        int subBucket = (int)(value >> exponent) - SubBucketCount;
        return ExactCount + ((exponent - 1) * SubBucketCount) + subBucket;
    }

    /// <summary>The highest value that falls into bucket <paramref name="index"/>.</summary>
    internal static long HighestValueOf(int index)
    {
        if (index < ExactCount)
        {
            return index;
        }

        int exponent = ((index - ExactCount) / SubBucketCount) + 1;
        long mantissa = ((index - ExactCount) % SubBucketCount) + SubBucketCount;
        long lowest = mantissa << exponent;
        long width = 1L << exponent;
        return lowest > long.MaxValue - width ? long.MaxValue : lowest + width - 1;
    }
}
