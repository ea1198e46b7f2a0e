using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Strategy.Builtin;

/// <summary>Puts a stored price history on a split's new basis.</summary>
internal static class PriceScaling
{
    /// <summary>A price in micros × old ÷ new, rounded half away from zero; a positive price stays at least one
    /// micro, and 0 (an empty slot) stays 0.</summary>
    public static long Rescale(long micros, SplitRatio ratio)
    {
        if (micros <= 0)
        {
            return micros;
        }

        Int128 scaled = (((Int128)micros * ratio.OldShares * 2) + ratio.NewShares) / (ratio.NewShares * 2);
        return (long)Int128.Clamp(scaled, 1, long.MaxValue);
    }
}
