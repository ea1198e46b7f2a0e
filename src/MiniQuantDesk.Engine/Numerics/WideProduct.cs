using System.Numerics;
using System.Runtime.CompilerServices;

namespace MiniQuantDesk.Engine.Numerics;

/// <summary>
/// The exact 128-bit product of two <see cref="long"/> values, from the processor's widening multiply: the same
/// value as <c>(Int128)a * b</c>, which runs a general 128 × 128-bit multiply where one instruction suffices.
/// <para>Most products the engine takes (shares × price, a window's length × a sum of closes) are far inside a
/// <see cref="long"/>. When the operands' bit lengths prove it, the product is one plain multiply: the widening
/// multiply hands its low half back through memory, and reading it back at once costs more than the multiply.</para>
/// </summary>
internal static class WideProduct
{
    /// <summary><paramref name="a"/> × <paramref name="b"/>, exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 Of(long a, long b)
    {
        if (FitsLong(a, b))
        {
            return a * b;
        }

        long high = Math.BigMul(a, b, out long low);
        return new Int128(unchecked((ulong)high), unchecked((ulong)low));
    }

    /// <summary>True when <paramref name="a"/> × <paramref name="b"/> fits a <see cref="long"/>; the product (or
    /// its low 64 bits when it does not fit) in <paramref name="product"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryOf(long a, long b, out long product)
    {
        if (FitsLong(a, b))
        {
            product = a * b;
            return true;
        }

        long high = Math.BigMul(a, b, out product);
        return high == (product >> 63);
    }

    /// <summary>The sign of <paramref name="a"/> × <paramref name="b"/> − <paramref name="c"/> × <paramref name="d"/>,
    /// exactly: −1, 0 or 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare(long a, long b, long c, long d)
    {
        if (FitsLong(a, b) && FitsLong(c, d))
        {
            long left = a * b;
            long right = c * d;
            return left < right ? -1 : left > right ? 1 : 0;
        }

        return Of(a, b).CompareTo(Of(c, d));
    }

    /// <summary>
    /// True when |a × b| is at most 2^62, so the product fits a <see cref="long"/>: with <c>za</c>, <c>zb</c> the
    /// leading zeros of |a| and |b| (one's complement for a negative value, which undercounts |a| by one at most),
    /// |a| ≤ 2^(64 − za) and |b| ≤ 2^(64 − zb), so za + zb ≥ 66 bounds the product by 2^62.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool FitsLong(long a, long b) =>
        BitOperations.LeadingZeroCount(unchecked((ulong)(a ^ (a >> 63))))
        + BitOperations.LeadingZeroCount(unchecked((ulong)(b ^ (b >> 63)))) >= 66;
}
