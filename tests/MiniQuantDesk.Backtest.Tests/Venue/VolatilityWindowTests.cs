using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class VolatilityWindowTests
{
    private static Bar Bar(long open, long high, long low, long close) => new()
    {
        Open = new Price(open),
        High = new Price(high),
        Low = new Price(low),
        Close = new Price(close),
    };

    [Fact]
    public void Before_the_window_fills_the_average_is_that_of_the_high_low_ranges()
    {
        var window = new VolatilityWindow(1, 3);
        window.Add(0, Bar(100, 102, 98, 100));
        window.Add(0, Bar(110, 112, 110, 111));

        // The gap from 100 to 110 would make the second true range 12, but only ranges count until 3 bars.
        Assert.Equal(3, window.AverageMicros(0));
    }

    [Fact]
    public void A_full_window_averages_true_ranges_that_include_gaps_from_the_previous_close()
    {
        var window = new VolatilityWindow(1, 2);
        window.Add(0, Bar(100, 102, 98, 100));
        window.Add(0, Bar(110, 112, 110, 111));
        window.Add(0, Bar(105, 106, 104, 105));

        // True ranges of the last two bars: max(112,100) - min(110,100) = 12, max(106,111) - min(104,111) = 7.
        Assert.Equal(9, window.AverageMicros(0));
    }

    [Fact]
    public void Symbols_have_separate_windows()
    {
        var window = new VolatilityWindow(2, 2);
        window.Add(1, Bar(100, 104, 96, 100));

        Assert.False(window.HasBars(0));
        Assert.Equal(0, window.AverageMicros(0));
        Assert.Equal(8, window.AverageMicros(1));
    }
}
