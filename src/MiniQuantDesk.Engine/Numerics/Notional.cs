using System.Runtime.CompilerServices;

namespace MiniQuantDesk.Engine.Numerics;

/// <summary>
/// Price times shares, the one place where that product is computed: through a 128-bit intermediate, so that it
/// can never wrap; a product that does not fit 64 bits of micros is reported, not rounded.
/// </summary>
public static class Notional
{
    /// <summary>The value of <paramref name="shares"/> (signed) at <paramref name="price"/>; false on overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryOf(Price price, long shares, out Money notional)
    {
        if (!WideProduct.TryOf(price.Micros, shares, out long product))
        {
            notional = Money.Zero;
            return false;
        }

        notional = new Money(product);
        return true;
    }

    /// <summary>The value of <paramref name="shares"/> at <paramref name="price"/>.</summary>
    /// <exception cref="OverflowException">The product does not fit 64 bits of micros.</exception>
    public static Money Of(Price price, long shares) =>
        TryOf(price, shares, out Money notional)
            ? notional
            : throw new OverflowException($"{shares} shares at {price} is beyond 64 bits of micros.");

    /// <summary><paramref name="amount"/> times <paramref name="numerator"/> / <paramref name="denominator"/>,
    /// rounded half away from zero, through 128 bits (basis-point fees, for example); false on overflow.</summary>
    public static bool TryScale(Money amount, long numerator, long denominator, out Money scaled)
    {
        if (denominator == 0)
        {
            scaled = Money.Zero;
            return false;
        }

        Int128 product = (Int128)amount.Micros * numerator;
        (Int128 quotient, Int128 remainder) = Int128.DivRem(product, denominator);
        if (Int128.Abs(remainder) * 2 >= Int128.Abs(denominator))
        {
            quotient += (product < 0) != (denominator < 0) ? -1 : 1;
        }

        if (quotient > long.MaxValue || quotient < long.MinValue)
        {
            scaled = Money.Zero;
            return false;
        }

        scaled = new Money((long)quotient);
        return true;
    }
}
