using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Reporting;

namespace MiniQuantDesk.Backtest.Tests.Reporting;

public class ChartDownsamplerTests
{
    [Fact]
    public void A_short_series_is_drawn_whole()
    {
        Assert.Equal([0, 1, 2], ChartDownsampler.Indices([3.0, 1.0, 2.0], 2_000));
    }

    [Fact]
    public void Downsampling_keeps_at_most_the_limit_ascending_with_the_ends_and_the_extremes()
    {
        Arbitrary<int[]> series = Gen.ArrayOf(Gen.Choose(-1_000, 1_000)).ToArbitrary();
        Arbitrary<int> limits = Gen.Choose(4, 60).ToArbitrary();
        Prop.ForAll(series, limits, (values, limit) =>
        {
            double[] data = [.. values.Select(value => (double)value)];
            List<int> indices = ChartDownsampler.Indices(data, limit);
            if (data.Length == 0)
            {
                return indices.Count == 0;
            }

            bool ascending = indices.Zip(indices.Skip(1), (a, b) => a < b).All(ok => ok);
            bool ends = indices[0] == 0 && indices[^1] == data.Length - 1;
            bool extremes = indices.Any(i => data[i] == data.Min()) && indices.Any(i => data[i] == data.Max());
            return indices.Count <= limit && ascending && ends && extremes;
        }).QuickCheckThrowOnFailure();
    }
}
