namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// Everything a fill will change, worked out before anything changes: the portfolio first plans a fill (reading
/// only, and refusing it if any number would overflow or a capacity would be exceeded), then commits the plan,
/// which cannot fail. So a refused fill leaves the state exactly as it was.
/// </summary>
internal struct FillPlan
{
    /// <summary>How many of the symbol's oldest lots the fill closes in full.</summary>
    public int ClosedLots;

    /// <summary>True when the fill also closes part of the next oldest lot.</summary>
    public bool ReducesOldest;

    /// <summary>What stays open of that lot (signed), when <see cref="ReducesOldest"/>.</summary>
    public long OldestRemaining;

    /// <summary>The signed shares of the lot the fill opens (a fill from flat, an addition, or the remainder of
    /// a fill that crosses zero), or 0.</summary>
    public long OpenedQuantity;

    /// <summary>The symbol's state after the fill.</summary>
    public SymbolBook Book;

    /// <summary>The account's totals after the fill.</summary>
    public PortfolioTotals Totals;
}
