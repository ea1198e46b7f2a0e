namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// Where the ledger check may start walking a symbol's fills, and what it recomputed there last time.
/// <para>Under first-in-first-out matching, every open lot comes from a fill at or after the fill of the oldest
/// open lot, and that fill can only be consumed, never reopened. So the fills before it matter to the check only
/// through their sums (position, cash flow, fees), which are exact and are kept here as a prefix; the walk starts
/// at <see cref="Start"/>. When the symbol is flat, <see cref="Start"/> moves past its last fill.</para>
/// </summary>
internal struct SymbolCheckpoint
{
    /// <summary>The ledger position of the oldest fill the walk must visit (fills before it are in the prefix).</summary>
    public int Start;

    /// <summary>Σ signed quantity of the symbol's fills before <see cref="Start"/>.</summary>
    public Int128 PrefixPosition;

    /// <summary>Σ −signed quantity × price of the symbol's fills before <see cref="Start"/>.</summary>
    public Int128 PrefixCashFlow;

    /// <summary>Σ fee of the symbol's fills before <see cref="Start"/>.</summary>
    public Int128 PrefixFees;

    /// <summary>The symbol's trade cash flow at its last check (its part of the recomputed cash).</summary>
    public Int128 CashFlow;

    /// <summary>The symbol's fees at its last check.</summary>
    public Int128 Fees;

    /// <summary>The symbol's realized profit and loss at its last check.</summary>
    public Int128 RealizedPnl;

    /// <summary>The symbol's cost basis at its last check.</summary>
    public Int128 CostBasis;
}
