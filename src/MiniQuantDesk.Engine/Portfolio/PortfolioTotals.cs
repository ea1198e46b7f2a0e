using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// The portfolio's account-level numbers, all exact micros, all kept current on every fill and mark (so reading
/// them costs nothing and cannot overflow: an update that would overflow any of them is refused). They satisfy
/// <c>Equity = Cash + NetExposure = initial cash − Fees + RealizedPnl + UnrealizedPnl</c> exactly.
/// </summary>
/// <param name="Cash">Initial cash − bought notional + sold notional − fees.</param>
/// <param name="Fees">Fees paid, all symbols.</param>
/// <param name="RealizedPnl">Realized profit and loss, all symbols, before fees.</param>
/// <param name="CostBasis">Σ signed cost basis of the open lots, all symbols.</param>
/// <param name="NetExposure">Σ position × mark (shorts count negative).</param>
/// <param name="GrossExposure">Σ |position × mark|: the capital the positions use.</param>
/// <param name="UnrealizedPnl">Net exposure − cost basis.</param>
/// <param name="Equity">Cash + net exposure.</param>
public readonly record struct PortfolioTotals(
    Money Cash,
    Money Fees,
    Money RealizedPnl,
    Money CostBasis,
    Money NetExposure,
    Money GrossExposure,
    Money UnrealizedPnl,
    Money Equity);
