namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// Names the value that disagreed with its recomputation from the fill ledger, so that a
/// <see cref="ReasonCode.PortfolioMismatch"/> says what was wrong, not only that something was: the reason's
/// observed value is the incremental one, its limit the recomputed one.
/// </summary>
public enum PortfolioValue : byte
{
    /// <summary>Nothing disagreed.</summary>
    None = 0,

    /// <summary>A symbol's signed position.</summary>
    Position,

    /// <summary>A symbol's fees.</summary>
    Fees,

    /// <summary>A symbol's realized profit and loss.</summary>
    RealizedPnl,

    /// <summary>A symbol's cost basis (Σ lot quantity × lot price).</summary>
    CostBasis,

    /// <summary>The number of a symbol's open lots (observed and limit are counts).</summary>
    OpenLotCount,

    /// <summary>An open lot's signed quantity.</summary>
    LotQuantity,

    /// <summary>An open lot's price.</summary>
    LotPrice,

    /// <summary>The ledger's fills of a symbol do not contain enough shares on the position's side to explain
    /// its open lots (observed: the shares left unexplained).</summary>
    UnexplainedPosition,

    /// <summary>The engine's cash.</summary>
    Cash,

    /// <summary>The engine's total fees.</summary>
    TotalFees,

    /// <summary>The engine's total realized profit and loss.</summary>
    TotalRealizedPnl,

    /// <summary>The engine's total cost basis.</summary>
    TotalCostBasis,
}
