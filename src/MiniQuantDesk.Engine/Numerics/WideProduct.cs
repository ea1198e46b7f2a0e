namespace MiniQuantDesk.Engine.Numerics;

/// <summary>
/// The exact 128-bit product of two <see cref="long"/> values, from the processor's widening multiply: the same
/// value as <c>(Int128)a * b</c>, which runs a general 128 × 128-bit multiply where one instruction suffices.
/// </summary>
internal static class WideProduct
{
    /// <summary><paramref name="a"/> × <paramref name="b"/>, exactly.</summary>
    public static Int128 Of(long a, long b)
    {
        long high = Math.BigMul(a, b, out long low);
        return new Int128(unchecked((ulong)high), unchecked((ulong)low));
    }

    /// <summary>True when <paramref name="a"/> × <paramref name="b"/> fits a <see cref="long"/>; the product (or
    /// its low 64 bits when it does not fit) in <paramref name="product"/>.</summary>
    public static bool TryOf(long a, long b, out long product)
    {
        long high = Math.BigMul(a, b, out product);
        return high == (product >> 63);
    }
}
