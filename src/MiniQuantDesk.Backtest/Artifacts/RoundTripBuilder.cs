using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>
/// Matches fills into round trips, first in, first out, per symbol. A fill in the direction of the open position
/// (or from flat) opens a lot; a fill against it closes the oldest lots first, one round trip per lot it touches,
/// and whatever is left over opens a lot the other way (a long that is sold through becomes a short).
/// <para>
/// Fees are allocated with integer arithmetic: a fill's (or a lot's) not yet allocated fee is split over its not yet
/// allocated quantity, and a part of <c>m</c> of the remaining <c>q</c> shares takes
/// <c>floor(remainingFee × m / q)</c> (toward zero); the last part takes exactly what is left. So no micro is ever
/// lost or created: the fees of all round trips add up to the fees paid on the closed quantity, and the remainder
/// stays with the open lots.
/// </para>
/// <para>Fills must be added in event order. Open lots at the end are not round trips.</para>
/// <para>A split puts the open lots on the new basis as the engine's portfolio does: each lot keeps
/// ⌊shares × ratio⌋ shares (the position's left-over whole shares go to the newest lot) at its total cost, so its
/// entry price is cost ÷ new shares rounded half away from zero; the fraction paid as cash in lieu is in the equity
/// curve, not a round trip.</para>
/// </summary>
public sealed class RoundTripBuilder
{
    private readonly Dictionary<string, Queue<OpenLot>> _lotsBySymbol = new(StringComparer.Ordinal);
    private readonly List<RoundTrip> _roundTrips = [];

    /// <summary>The round trips closed so far, in the order they were closed.</summary>
    public IReadOnlyList<RoundTrip> RoundTrips => _roundTrips;

    /// <summary>Matches all <paramref name="fills"/> (in event order) and returns the round trips.</summary>
    public static IReadOnlyList<RoundTrip> Build(IEnumerable<FillRecord> fills) => Build(fills, []);

    /// <summary>Matches all <paramref name="fills"/> (in event order), with each of <paramref name="splits"/> applied
    /// before the first fill at or after its time, and returns the round trips.</summary>
    public static IReadOnlyList<RoundTrip> Build(IEnumerable<FillRecord> fills, IReadOnlyList<SplitRecord> splits)
    {
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(splits);
        RoundTripBuilder builder = new();
        int next = 0;
        foreach (FillRecord fill in fills)
        {
            for (; next < splits.Count && splits[next].TimeNs <= fill.TimeNs; next++)
            {
                builder.ApplySplit(splits[next]);
            }

            builder.Add(fill);
        }

        for (; next < splits.Count; next++)
        {
            builder.ApplySplit(splits[next]);
        }

        return builder.RoundTrips;
    }

    /// <summary>Puts the open lots of the split's symbol on the new basis (see the class comment).</summary>
    public void ApplySplit(SplitRecord split)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (!_lotsBySymbol.TryGetValue(split.Symbol, out Queue<OpenLot>? lots) || lots.Count == 0)
        {
            return;
        }

        OpenLot[] old = [.. lots];
        long total = old.Sum(l => l.Quantity);
        long after = (long)((Int128)total * split.NewShares / split.OldShares);
        long floored = old.Sum(l => (long)((Int128)l.Quantity * split.NewShares / split.OldShares));
        lots.Clear();
        for (int i = 0; i < old.Length; i++)
        {
            long shares = (long)((Int128)old[i].Quantity * split.NewShares / split.OldShares) + (i == old.Length - 1 ? after - floored : 0);
            if (shares == 0)
            {
                continue;
            }

            Int128 cost = (Int128)old[i].Quantity * old[i].PriceMicros;
            long price = (long)(((cost * 2) + shares) / (shares * 2L));
            lots.Enqueue(new OpenLot(old[i].Direction, old[i].TimeNs, price, shares, old[i].FeeMicros));
        }
    }

    /// <summary>The signed open quantity of <paramref name="symbol"/>: positive long, negative short, 0 flat.</summary>
    public long OpenQuantity(string symbol)
    {
        if (!_lotsBySymbol.TryGetValue(symbol, out Queue<OpenLot>? lots))
        {
            return 0;
        }

        long total = 0;
        foreach (OpenLot lot in lots)
        {
            total = checked(total + (lot.Direction == Side.Buy ? lot.Quantity : -lot.Quantity));
        }

        return total;
    }

    /// <summary>Matches one fill against the open lots of its symbol.</summary>
    /// <exception cref="ArgumentException">The fill has no side or a quantity that is not positive.</exception>
    public void Add(FillRecord fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Side is not (Side.Buy or Side.Sell))
        {
            throw new ArgumentException($"Fill of order {fill.OrderId} ({fill.Symbol}) has no side.", nameof(fill));
        }

        if (fill.Quantity <= 0)
        {
            throw new ArgumentException($"Fill of order {fill.OrderId} ({fill.Symbol}) has quantity {fill.Quantity}; fills are positive.", nameof(fill));
        }

        if (!_lotsBySymbol.TryGetValue(fill.Symbol, out Queue<OpenLot>? lots))
        {
            lots = new Queue<OpenLot>();
            _lotsBySymbol.Add(fill.Symbol, lots);
        }

        long fillQuantityLeft = fill.Quantity;
        long fillFeeLeft = fill.FeeMicros;
        while (fillQuantityLeft > 0 && lots.Count > 0 && lots.Peek().Direction != fill.Side)
        {
            OpenLot lot = lots.Peek();
            long matched = Math.Min(lot.Quantity, fillQuantityLeft);
            long entryFee = lot.TakeFee(matched);
            long exitFee = ShareOf(fillFeeLeft, matched, fillQuantityLeft);
            fillFeeLeft -= exitFee;
            fillQuantityLeft -= matched;
            if (lot.Quantity == 0)
            {
                lots.Dequeue();
            }

            _roundTrips.Add(Close(fill, lot, matched, checked(entryFee + exitFee)));
        }

        if (fillQuantityLeft > 0)
        {
            lots.Enqueue(new OpenLot(fill.Side, fill.TimeNs, fill.PriceMicros, fillQuantityLeft, fillFeeLeft));
        }
    }

    private static RoundTrip Close(FillRecord exit, OpenLot lot, long quantity, long fees)
    {
        Int128 gross = ((Int128)exit.PriceMicros - lot.PriceMicros) * quantity;
        if (lot.Direction == Side.Sell)
        {
            gross = -gross;
        }

        long pnl = checked((long)(gross - fees));
        return new RoundTrip(exit.Symbol, lot.Direction, lot.TimeNs, lot.PriceMicros, exit.TimeNs, exit.PriceMicros, quantity, pnl, fees);
    }

    /// <summary>The share of <paramref name="feeLeft"/> that <paramref name="part"/> of <paramref name="quantityLeft"/>
    /// shares carries, rounded toward zero; the whole remainder when the part is all that is left.</summary>
    private static long ShareOf(long feeLeft, long part, long quantityLeft) =>
        part == quantityLeft ? feeLeft : (long)((Int128)feeLeft * part / quantityLeft);

    /// <summary>An open lot: what is left of one opening fill. Mutable so that partial closes shrink it in place.</summary>
    private sealed class OpenLot(Side direction, long timeNs, long priceMicros, long quantity, long feeMicros)
    {
        public Side Direction { get; } = direction;

        public long TimeNs { get; } = timeNs;

        public long PriceMicros { get; } = priceMicros;

        public long Quantity { get; private set; } = quantity;

        public long FeeMicros { get; private set; } = feeMicros;

        /// <summary>Removes <paramref name="part"/> shares and returns the fee they carry.</summary>
        public long TakeFee(long part)
        {
            long fee = ShareOf(FeeMicros, part, Quantity);
            FeeMicros -= fee;
            Quantity -= part;
            return fee;
        }
    }
}
