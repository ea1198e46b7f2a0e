using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Market;

/// <summary>
/// One OHLCV bar of one symbol, timeframe and feed. It covers event time [<see cref="StartNs"/>,
/// <see cref="EndNs"/>) and may be used only from its close, <see cref="EndNs"/>, on (no lookahead).
/// A plain struct so it can live inside a ring slot.
/// </summary>
public struct Bar
{
    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>The series' period.</summary>
    public Timeframe Timeframe;

    /// <summary>Which feed delivered it (0 for the primary); two feeds may deliver the same bar.</summary>
    public int FeedId;

    /// <summary>The bar's start, UTC nanoseconds.</summary>
    public long StartNs;

    /// <summary>The bar's close, UTC nanoseconds: the earliest event time at which it may be used.</summary>
    public long EndNs;

    /// <summary>Open price.</summary>
    public Price Open;

    /// <summary>High price.</summary>
    public Price High;

    /// <summary>Low price.</summary>
    public Price Low;

    /// <summary>Close price.</summary>
    public Price Close;

    /// <summary>Shares traded (0 is allowed: some sources report none).</summary>
    public long Volume;

    /// <summary>False for a bar still forming (a live feed's partial bar); only complete bars reach strategies.</summary>
    public bool IsComplete;
}
