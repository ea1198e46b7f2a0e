using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// How a split changes a working order, the same at the OMS and at the venue: the shares still to fill are
/// multiplied by the ratio (a fraction of a share is dropped: the order may buy or sell fewer shares, never more),
/// and a limit or stop price is divided by it, rounded to a micro in the side's conservative direction — down for a
/// buy (it never pays more than the old limit on the new basis), up for a sell (it never accepts less) — and never
/// below one micro.
/// </summary>
public static class SplitOrderAdjustment
{
    /// <summary>The new total quantity of an order with <paramref name="quantity"/> in force and
    /// <paramref name="filled"/> filled: filled + ⌊(quantity − filled) × ratio⌋. False when it would overflow.</summary>
    public static bool TryQuantity(long quantity, long filled, SplitRatio ratio, out long adjusted)
    {
        adjusted = quantity;
        long leaves = quantity - filled;
        if (leaves <= 0)
        {
            return true;
        }

        if (!ratio.TryScaleShares(leaves, out long scaled) || scaled > long.MaxValue - filled)
        {
            return false;
        }

        adjusted = filled + scaled;
        return true;
    }

    /// <summary>A limit or stop price on the new basis; a price of 0 (none) stays 0.</summary>
    public static Price Price(Price price, Side side, SplitRatio ratio)
    {
        if (!price.IsValid)
        {
            return price;
        }

        return new Price(ratio.TryScalePrice(price.Micros, roundUp: side == Side.Sell, out long scaled) ? scaled : 1);
    }
}
