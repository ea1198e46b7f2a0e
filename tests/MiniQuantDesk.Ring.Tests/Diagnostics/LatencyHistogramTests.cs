using MiniQuantDesk.Ring.Diagnostics;

namespace MiniQuantDesk.Ring.Tests.Diagnostics;

/// <summary>
/// The latency histogram counts values below 2048 exactly and larger ones within 0.1%, reports percentiles by
/// rank, merges and resets. A second, much larger value is recorded where a test looks at one value's bucket, so
/// that the cap at <see cref="LatencyHistogram.Max"/> cannot hide a bucket error.
/// </summary>
public sealed class LatencyHistogramTests
{
    private const long Far = 1L << 60;

    [Fact]
    public void Every_value_below_2048_is_reported_exactly()
    {
        var histogram = new LatencyHistogram();

        for (long value = 0; value < 2048; value++)
        {
            histogram.Reset();
            histogram.Record(value);
            histogram.Record(Far);

            Assert.Equal(value, histogram.ValueAtPercentile(50));
        }
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(2049)]
    [InlineData(2051)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(1_000_003)]
    [InlineData(123_456_789_012)]
    [InlineData((1L << 40) + 1)]
    [InlineData((1L << 62) - 1)]
    [InlineData(1L << 62)]
    [InlineData(long.MaxValue - 1)]
    public void A_value_from_2048_up_is_reported_at_most_0_1_percent_above_itself(long value)
    {
        var histogram = new LatencyHistogram();
        histogram.Record(value);
        histogram.Record(long.MaxValue);

        long reported = histogram.ValueAtPercentile(50);

        Assert.True(reported >= value, $"reported {reported} below the recorded {value}");
        Assert.True(reported - value <= value / 1000, $"reported {reported} more than 0.1% above the recorded {value}");
    }

    [Fact]
    public void Percentiles_are_the_recorded_values_at_their_rank()
    {
        var histogram = new LatencyHistogram();
        for (long value = 1; value <= 100; value++)
        {
            histogram.Record(value);
        }

        Assert.Equal(1, histogram.ValueAtPercentile(0));
        Assert.Equal(1, histogram.ValueAtPercentile(1));
        Assert.Equal(50, histogram.ValueAtPercentile(50));
        Assert.Equal(51, histogram.ValueAtPercentile(50.5));
        Assert.Equal(99, histogram.ValueAtPercentile(99));
        Assert.Equal(100, histogram.ValueAtPercentile(99.9));
        Assert.Equal(100, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void The_reported_maximum_is_never_above_the_largest_recorded_value()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1_000_003);

        Assert.Equal(1_000_003, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void Count_min_max_and_mean_describe_the_recorded_values()
    {
        var histogram = new LatencyHistogram();

        foreach (long value in new long[] { 300, 100, 5_000_000, 200 })
        {
            histogram.Record(value);
        }

        Assert.Equal(4, histogram.Count);
        Assert.Equal(100, histogram.Min);
        Assert.Equal(5_000_000, histogram.Max);
        Assert.Equal(1_250_150.0, histogram.Mean);
    }

    [Fact]
    public void The_mean_of_huge_values_does_not_overflow()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(long.MaxValue);
        histogram.Record(long.MaxValue);

        Assert.Equal((double)long.MaxValue, histogram.Mean);
    }

    [Fact]
    public void Adding_a_histogram_is_the_same_as_recording_its_values_here()
    {
        long[] mine = [5, 17, 3_000, 9_999_999];
        long[] theirs = [1, 2_500, 77_777_777, 40];
        var merged = new LatencyHistogram();
        var other = new LatencyHistogram();
        var together = new LatencyHistogram();
        foreach (long value in mine)
        {
            merged.Record(value);
            together.Record(value);
        }

        foreach (long value in theirs)
        {
            other.Record(value);
            together.Record(value);
        }

        merged.Add(other);

        Assert.Equal(together.Count, merged.Count);
        Assert.Equal(together.Min, merged.Min);
        Assert.Equal(together.Max, merged.Max);
        Assert.Equal(together.Mean, merged.Mean);
        foreach (double percentile in new[] { 0, 10, 25, 50, 75, 90, 99, 100 })
        {
            Assert.Equal(together.ValueAtPercentile(percentile), merged.ValueAtPercentile(percentile));
        }
    }

    [Fact]
    public void Adding_into_an_empty_histogram_takes_the_others_minimum()
    {
        var empty = new LatencyHistogram();
        var other = new LatencyHistogram();
        other.Record(700);
        other.Record(900);

        empty.Add(other);

        Assert.Equal(700, empty.Min);
        Assert.Equal(900, empty.Max);
        Assert.Equal(2, empty.Count);
    }

    [Fact]
    public void Adding_an_empty_histogram_changes_nothing()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(42);

        histogram.Add(new LatencyHistogram());

        Assert.Equal(1, histogram.Count);
        Assert.Equal(42, histogram.Min);
        Assert.Equal(42, histogram.Max);
    }

    [Fact]
    public void Reset_forgets_every_recorded_value()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(10);
        histogram.Record(1_000_000);

        histogram.Reset();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Mean);
        Assert.Equal(0, histogram.ValueAtPercentile(99));
    }

    [Fact]
    public void A_histogram_reset_and_reused_reports_only_the_new_values()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1_000_000);
        histogram.Reset();

        histogram.Record(7);

        Assert.Equal(7, histogram.ValueAtPercentile(100));
        Assert.Equal(7, histogram.Min);
    }

    [Fact]
    public void An_empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.ValueAtPercentile(50));
        Assert.Equal(0, histogram.Mean);
        Assert.Equal(0, histogram.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void A_negative_value_is_refused_and_leaves_the_histogram_unchanged(long value)
    {
        var histogram = new LatencyHistogram();
        histogram.Record(5);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Record(value));

        Assert.Equal("value", refused.ParamName);
        Assert.Equal(1, histogram.Count);
        Assert.Equal(5, histogram.Min);
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(100.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_percentile_outside_0_to_100_is_refused(double percentile)
    {
        var histogram = new LatencyHistogram();
        histogram.Record(5);

        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.ValueAtPercentile(percentile));
    }
}
