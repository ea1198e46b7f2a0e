namespace MiniQuantDesk.Backtest.Data;

/// <summary>
/// A tiny seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014). The sample data must be the same
/// bytes on every machine and runtime, which <see cref="Random"/> does not promise; this is three lines of integer
/// arithmetic that never change.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>); the tiny modulo bias does not matter here.</summary>
    public long NextBelow(long bound) => (long)(NextUInt64() % (ulong)bound);

    /// <summary>A uniform integer in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public long NextBetween(long low, long high) => low + NextBelow(high - low + 1);

    /// <summary>An approximately standard normal value in millionths (mean 0, standard deviation 1,000,000): the sum
    /// of twelve uniforms minus six, in integers, so no floating point decides a byte of output.</summary>
    public long NextNormalMillionths()
    {
        long sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += NextBelow(1_000_000);
        }

        return sum - 6_000_000;
    }
}
