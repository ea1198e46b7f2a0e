using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Metrics;

namespace MiniQuantDesk.Backtest.Tests.Metrics;

public class DrawdownSeriesTests
{
    [Fact]
    public void Drawdown_is_measured_from_the_running_peak_in_rounded_millionths()
    {
        EquityPoint[] points = [Point(300), Point(200), Point(400), Point(399)];

        Assert.Equal([0L, 333_333, 0, 2_500], DrawdownSeries.Millionths(points));
    }

    [Fact]
    public void Drawdown_is_never_negative_and_is_zero_at_every_new_high()
    {
        Arbitrary<int[]> equities = Gen.ArrayOf(Gen.Choose(1, 1_000_000)).ToArbitrary();
        Prop.ForAll(equities, values =>
        {
            EquityPoint[] points = [.. values.Select(value => Point(value))];
            long[] drawdowns = DrawdownSeries.Millionths(points);
            long peak = 0;
            for (int i = 0; i < points.Length; i++)
            {
                bool newHigh = points[i].EquityMicros >= peak;
                peak = Math.Max(peak, points[i].EquityMicros);
                if (drawdowns[i] < 0 || drawdowns[i] > DrawdownSeries.PerUnit || (newHigh && drawdowns[i] != 0))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static EquityPoint Point(long equityMicros) => new(0, equityMicros, equityMicros, 0);
}
