using MiniQuantDesk.Backtest.Data;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>The sample data's generator is the published SplitMix64, so its bytes never depend on the runtime.</summary>
public sealed class SplitMix64Tests
{
    [Fact]
    public void Seed_zero_gives_the_published_SplitMix64_sequence()
    {
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
    }

    [Fact]
    public void Bounded_draws_stay_within_their_bounds()
    {
        var random = new SplitMix64(42);

        for (int i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextBetween(-3, 7), -3, 7);
            Assert.InRange(random.NextNormalMillionths(), -6_000_000, 6_000_000);
        }
    }
}
