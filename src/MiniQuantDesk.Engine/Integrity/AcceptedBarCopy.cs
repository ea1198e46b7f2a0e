namespace MiniQuantDesk.Engine.Integrity;

/// <summary>The values of an accepted bar the guard keeps, so that another feed's later copy of the same bar can be
/// compared with the first accepted one. A plain struct in a pre-allocated ring per series.</summary>
internal struct AcceptedBarCopy
{
    /// <summary>The bar's slot: its session ordinal (daily) or its start (intraday); long.MinValue for an empty entry.</summary>
    public long Slot;

    /// <summary>The bar's start, UTC nanoseconds.</summary>
    public long StartNs;

    /// <summary>Open price, micros.</summary>
    public long Open;

    /// <summary>High price, micros.</summary>
    public long High;

    /// <summary>Low price, micros.</summary>
    public long Low;

    /// <summary>Close price, micros.</summary>
    public long Close;

    /// <summary>Volume, shares.</summary>
    public long Volume;

    /// <summary>The feed whose copy was accepted.</summary>
    public int FeedId;
}
