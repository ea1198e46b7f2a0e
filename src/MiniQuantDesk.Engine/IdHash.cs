using System.Numerics;

namespace MiniQuantDesk.Engine;

/// <summary>
/// Where an id starts its probe in an open-addressing table of a power-of-two size: ids are taken in runs of eight
/// consecutive values, each run is placed by Fibonacci hashing (the high bits of run × 2^64/φ), and the id's low
/// three bits pick its slot inside its run's group of eight adjacent slots. Brokers and the edge hand out message,
/// fill and order ids mostly in sequence, so consecutive ids land in one cache line and one page instead of eight,
/// while strided or random ids still spread over the whole table. Any id, any table of at least
/// <see cref="MinTableSize"/> slots.
/// </summary>
internal static class IdHash
{
    /// <summary>The smallest table these hashes are for (two groups of eight).</summary>
    public const int MinTableSize = 16;

    private const ulong FibonacciMultiplier = 0x9E37_79B9_7F4A_7C15;
    private const int RunBits = 3;

    /// <summary>The shift that turns a run's product into a group index of a table of <paramref name="tableSize"/>
    /// slots (a power of two, at least <see cref="MinTableSize"/>).</summary>
    public static int ShiftFor(int tableSize) => 64 - BitOperations.Log2((uint)tableSize) + RunBits;

    /// <summary>The home slot of <paramref name="id"/>, given <see cref="ShiftFor"/> of the table.</summary>
    public static int Home(long id, int shift)
    {
        ulong group = unchecked(((ulong)id >> RunBits) * FibonacciMultiplier) >> shift;
        return (int)(group << RunBits) | (int)(id & ((1 << RunBits) - 1));
    }
}
