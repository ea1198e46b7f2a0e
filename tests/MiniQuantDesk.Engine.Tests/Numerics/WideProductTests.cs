using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Tests.Numerics;

/// <summary>
/// The widening products equal 128-bit arithmetic for every pair of longs, whichever path computes them: the plain
/// multiply when the operands' bit lengths prove the product fits, the widening multiply otherwise.
/// </summary>
public sealed class WideProductTests
{
    // Every magnitude alike: 64 random bits shifted right by 0 to 63, either sign, and the edges of the range.
    private static readonly Gen<long> s_operand = Gen.Frequency(
        (12, from high in Gen.Choose(int.MinValue, int.MaxValue)
             from low in Gen.Choose(int.MinValue, int.MaxValue)
             from shift in Gen.Choose(0, 63)
             from negative in Gen.Elements(false, true)
             let magnitude = (long)((((ulong)(uint)high << 32) | (uint)low) >> shift)
             select negative ? -magnitude : magnitude),
        (1, Gen.Elements(0L, 1L, -1L, 2L, -2L, long.MaxValue, long.MinValue, long.MinValue + 1, 1L << 31, -(1L << 31), 1L << 32, -(1L << 32))));

    [Fact]
    public void The_product_of_any_two_longs_is_the_exact_128_bit_product()
    {
        Prop.ForAll(s_operand.ToArbitrary(), s_operand.ToArbitrary(), static (a, b) =>
                WideProduct.Of(a, b) == (Int128)a * b)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_product_is_reported_to_fit_a_long_exactly_when_it_does()
    {
        Prop.ForAll(s_operand.ToArbitrary(), s_operand.ToArbitrary(), static (a, b) =>
            {
                Int128 exact = (Int128)a * b;
                bool fits = WideProduct.TryOf(a, b, out long product);
                bool fitsExactly = exact >= long.MinValue && exact <= long.MaxValue;
                return fits == fitsExactly && (!fits || product == (long)exact);
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Comparing_two_products_gives_the_sign_of_their_exact_difference()
    {
        Gen<(long A, long B)> pairs = from a in s_operand from b in s_operand select (a, b);
        Prop.ForAll(pairs.ToArbitrary(), pairs.ToArbitrary(), static (left, right) =>
                WideProduct.Compare(left.A, left.B, right.A, right.B) == Math.Sign(((Int128)left.A * left.B).CompareTo((Int128)right.A * right.B)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_plain_multiply_is_taken_only_for_products_that_fit()
    {
        Prop.ForAll(s_operand.ToArbitrary(), s_operand.ToArbitrary(), static (a, b) =>
            {
                Int128 exact = (Int128)a * b;
                return !WideProduct.FitsLong(a, b) || (exact >= long.MinValue && exact <= long.MaxValue);
            })
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1L << 30, 1L << 30, true)]
    [InlineData(-(1L << 30), (1L << 30) + 1, true)]
    [InlineData(1L << 31, 1L << 31, false)]
    [InlineData(3_037_000_499L, 3_037_000_499L, false)]
    [InlineData(long.MinValue, 1L, false)]
    [InlineData(long.MaxValue, 0L, false)]
    [InlineData(100L, 250_000_000L, true)]
    public void The_fast_path_is_taken_on_the_bit_lengths_alone(long a, long b, bool fast)
    {
        Assert.Equal(fast, WideProduct.FitsLong(a, b));
        Assert.Equal((Int128)a * b, WideProduct.Of(a, b));
    }
}
