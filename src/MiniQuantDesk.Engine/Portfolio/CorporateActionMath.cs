using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// The rules of a corporate action, in exact integers, shared by the portfolio (which applies them to its lots),
/// the ledger recomputation (which applies them to the lots it derives from the ledger) and the account mirrors
/// (which apply them to a bare position). One definition, so that the copies can only disagree if their state does.
/// <list type="bullet">
/// <item>Shares: the position of P shares becomes sign(P) × ⌊|P| × new ÷ old⌋ whole shares. Each lot keeps
/// ⌊|q| × new ÷ old⌋ of them; the few whole shares the per-lot rounding leaves over (fewer than the lots) go to the
/// newest lot, so the lots always add up to the position. A lot left with no share is closed.</item>
/// <item>Cost: a lot keeps its total cost q × p; its price per new share is that cost ÷ its new shares, rounded half
/// away from zero to a micro. The rounding difference (at most half a micro per share) is not lost: the cost basis
/// changes by it, and realized profit takes it (below).</item>
/// <item>Cash in lieu: the fraction of a new share the position leaves, f ÷ old, is paid at the reference price on
/// the new basis, reference × old ÷ new, so f × reference ÷ new micros; rounded down for a long (it never receives
/// more than the exact amount) and up for a short (it never pays less).</item>
/// <item>Dividend: cash moves by position × amount (a short pays it); lots and marks do not change.</item>
/// <item>Realized profit moves by the cash paid or received plus the change of the cost basis, so
/// realized = cash flow + cost basis (the identity the ledger check rests on) and
/// equity = initial cash − fees + realized + unrealized still hold.</item>
/// </list>
/// Every product is computed in 128 bits; a result that does not fit 64 bits fails.
/// </summary>
internal static class CorporateActionMath
{
    /// <summary>The cash a position receives (positive) or pays (negative) for the action, before any lot change:
    /// cash in lieu for a split, the dividend for a dividend. False when it does not fit.</summary>
    public static bool TryCash(long position, in CorporateActionEvent action, out long cash)
    {
        Int128 amount;
        if (action.Type == CorporateActionType.Dividend)
        {
            amount = (Int128)position * action.DividendMicros;
        }
        else
        {
            Int128 owed = (Int128)action.Ratio.FractionNumerator(position) * action.ReferencePrice.Micros;
            Int128 whole = owed / action.Ratio.NewShares;
            bool exact = whole * action.Ratio.NewShares == owed;

            // A long receives the amount rounded down; a short pays it rounded up.
            amount = position >= 0 ? whole : -(exact ? whole : whole + 1);
        }

        bool fits = amount >= long.MinValue && amount <= long.MaxValue;
        cash = fits ? (long)amount : 0;
        return fits;
    }

    /// <summary>A mark (price per old share) on the new basis, rounded half away from zero, at least one micro; 0
    /// stays 0 (never marked).</summary>
    public static long ScaleMark(long mark, SplitRatio ratio)
    {
        if (mark <= 0)
        {
            return mark;
        }

        Int128 scaled = (((Int128)mark * ratio.OldShares * 2) + ratio.NewShares) / (ratio.NewShares * 2);
        return (long)Int128.Clamp(scaled, 1, long.MaxValue);
    }

    /// <summary>
    /// Splits <paramref name="lots"/> (oldest first, all on one side) in place: on return the first
    /// <paramref name="keptLots"/> entries are the lots after the split, oldest first. Returns
    /// <see cref="ReasonCode.None"/>, <see cref="ReasonCode.ArithmeticOverflow"/> or
    /// <see cref="ReasonCode.CorporateActionUnrepresentable"/> (and then the lots are unspecified: work on a copy).
    /// </summary>
    /// <param name="lots">The lots, rewritten in place (each write is at or before the entry it reads).</param>
    /// <param name="ratio">New shares : old shares.</param>
    /// <param name="keptLots">How many lots remain.</param>
    /// <param name="position">The position after the split.</param>
    /// <param name="costBasis">The cost basis after the split (Σ quantity × price of the kept lots).</param>
    /// <param name="evidence">On failure, the lot price and its new shares (the reason's observed value and limit).</param>
    public static ReasonCode TrySplitLots(Span<Lot> lots, SplitRatio ratio, out int keptLots, out long position, out long costBasis, out (long Observed, long Limit) evidence)
    {
        keptLots = 0;
        position = 0;
        costBasis = 0;
        evidence = default;
        Int128 before = 0;
        Int128 flooredSum = 0;
        for (int i = 0; i < lots.Length; i++)
        {
            before += lots[i].Quantity;
            if (!ratio.TryScaleShares(lots[i].Quantity, out long scaled))
            {
                evidence = (lots[i].Quantity, ratio.NewShares);
                return ReasonCode.ArithmeticOverflow;
            }

            flooredSum += scaled;
        }

        if (before < long.MinValue || before > long.MaxValue || !ratio.TryScaleShares((long)before, out long after))
        {
            evidence = (lots.Length, ratio.NewShares);
            return ReasonCode.ArithmeticOverflow;
        }

        // Fewer than lots.Length whole shares, on the position's side: they go to the newest lot.
        long leftOver = (long)(after - flooredSum);
        Int128 cost = 0;
        for (int i = 0; i < lots.Length; i++)
        {
            Lot lot = lots[i];
            ratio.TryScaleShares(lot.Quantity, out long shares);
            if (i == lots.Length - 1)
            {
                shares += leftOver;
            }

            if (shares == 0)
            {
                continue; // every share of this lot went to cash in lieu (or to the newest lot's rounding)
            }

            Int128 lotCost = Int128.Abs((Int128)lot.Quantity * lot.Price.Micros);
            long newShares = Math.Abs(shares);
            Int128 price = ((lotCost * 2) + newShares) / (newShares * 2L);
            if (price < 1 || price > long.MaxValue)
            {
                evidence = (lot.Price.Micros, shares);
                return price < 1 ? ReasonCode.CorporateActionUnrepresentable : ReasonCode.ArithmeticOverflow;
            }

            cost += (Int128)shares * (long)price;
            lots[keptLots++] = new Lot(shares, new Price((long)price));
        }

        if (cost < long.MinValue || cost > long.MaxValue)
        {
            evidence = (after, 0);
            return ReasonCode.ArithmeticOverflow;
        }

        position = after;
        costBasis = (long)cost;
        return ReasonCode.None;
    }
}
