namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// The portfolio's incremental state for one symbol, in micros and shares, changed in place by fills and marks.
/// Its open lots live in <see cref="LotQueues"/>.
/// </summary>
internal struct SymbolBook
{
    /// <summary>Signed shares held.</summary>
    public long Position;

    /// <summary>Profit and loss realized by closing lots, before fees.</summary>
    public long RealizedPnl;

    /// <summary>Fees paid on this symbol's fills.</summary>
    public long Fees;

    /// <summary>Σ lot quantity × lot price over the open lots, signed (negative for a short position).</summary>
    public long CostBasis;

    /// <summary>The last mark per share, or 0 before the symbol is first marked or filled.</summary>
    public long Mark;

    /// <summary>Position × mark, signed.</summary>
    public long MarketValue;

    /// <summary>Event time of the last fill that opened the position or added to it, or 0.</summary>
    public long LastIncreasedAtNs;
}
