using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Ring.Diagnostics;

namespace MiniQuantDesk.Ring.Tests.Diagnostics;

/// <summary>The histogram's laws over random values of every magnitude and random percentiles.</summary>
public sealed class LatencyHistogramProperties
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(200);

    /// <summary>Values of every magnitude: exact range, around its edge, microseconds to hours in nanoseconds,
    /// and up to the largest long.</summary>
    private static readonly Gen<long> s_value = Gen.OneOf(
        Gen.Choose(0, 3_000).Select(v => (long)v),
        Gen.Choose(0, int.MaxValue).Select(v => (long)v),
        from high in Gen.Choose(0, int.MaxValue)
        from low in Gen.Choose(0, int.MaxValue)
        from shift in Gen.Choose(0, 32)
        select ((long)high << 32 | (uint)low) >> shift);

    private static readonly Arbitrary<(long[] Values, double Percentile)> s_recordings =
        (from values in Gen.NonEmptyListOf(s_value)
         from percentile in Gen.OneOf(Gen.Choose(0, 100_000).Select(p => p / 1000.0), Gen.Elements(0.0, 50.0, 99.0, 99.9, 100.0))
         select (values.ToArray(), percentile)).ToArbitrary();

    [Fact]
    public void A_reported_percentile_is_never_below_and_at_most_0_1_percent_above_the_exact_percentile()
    {
        Check.One(s_config, Prop.ForAll(s_recordings, recording =>
        {
            var histogram = new LatencyHistogram();
            foreach (long value in recording.Values)
            {
                histogram.Record(value);
            }

            long exact = ExactPercentile(recording.Values, recording.Percentile);
            long reported = histogram.ValueAtPercentile(recording.Percentile);

            return reported >= exact && (reported - exact) <= exact / 1000.0;
        }));
    }

    [Fact]
    public void Count_min_and_max_are_exact()
    {
        Check.One(s_config, Prop.ForAll(s_recordings, recording =>
        {
            var histogram = new LatencyHistogram();
            foreach (long value in recording.Values)
            {
                histogram.Record(value);
            }

            return histogram.Count == recording.Values.Length
                && histogram.Min == recording.Values.Min()
                && histogram.Max == recording.Values.Max();
        }));
    }

    /// <summary>The value of rank ceil(p/100 × n) (at least 1) among the sorted values: the definition the
    /// histogram documents.</summary>
    private static long ExactPercentile(long[] values, double percentile)
    {
        long[] sorted = [.. values.Order()];
        long rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * sorted.Length));
        return sorted[rank - 1];
    }
}
