namespace MiniQuantDesk.Engine.Market;

/// <summary>
/// A split's ratio as an exact fraction, new shares : old shares (a 2-for-1 split is 2:1, 3-for-2 is 3:2, a
/// 1-for-10 reverse split is 1:10). Kept as two whole numbers rather than a decimal so that no share or micro is
/// ever rounded by the ratio itself; each use says how it rounds.
/// </summary>
/// <param name="NewShares">Shares after the split per <paramref name="OldShares"/> before it; positive.</param>
/// <param name="OldShares">See <paramref name="NewShares"/>; positive.</param>
public readonly record struct SplitRatio(long NewShares, long OldShares)
{
    /// <summary>True when both terms are positive and the ratio changes something (it is not 1).</summary>
    public bool IsValid => NewShares > 0 && OldShares > 0 && NewShares != OldShares;

    /// <summary>
    /// The whole shares <paramref name="shares"/> (signed) become: |shares| × new ÷ old rounded toward zero, with the
    /// sign kept. The fraction dropped is <see cref="FractionNumerator"/> ÷ <see cref="OldShares"/> of a new share.
    /// </summary>
    /// <returns>False when the result does not fit a <see cref="long"/>.</returns>
    public bool TryScaleShares(long shares, out long scaled)
    {
        Int128 whole = (Int128.Abs(shares) * NewShares) / OldShares;
        bool fits = whole <= long.MaxValue;
        scaled = fits ? (long)whole * Math.Sign(shares) : 0;
        return fits;
    }

    /// <summary>The fraction of a new share that <paramref name="shares"/> old shares leave over, in units of
    /// 1 ÷ <see cref="OldShares"/> of a new share (0 to OldShares − 1), unsigned.</summary>
    public long FractionNumerator(long shares) => (long)((Int128.Abs(shares) * NewShares) % OldShares);

    /// <summary>A price per old share on the new basis, price × old ÷ new, rounded down (toward zero) or up;
    /// false when the result is not a positive <see cref="long"/> (the price cannot be represented in micros).</summary>
    public bool TryScalePrice(long priceMicros, bool roundUp, out long scaled)
    {
        Int128 product = (Int128)priceMicros * OldShares;
        Int128 quotient = product / NewShares;
        if (roundUp && quotient * NewShares != product)
        {
            quotient++;
        }

        bool fits = quotient > 0 && quotient <= long.MaxValue;
        scaled = fits ? (long)quotient : 0;
        return fits;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{NewShares}:{OldShares}");
}
