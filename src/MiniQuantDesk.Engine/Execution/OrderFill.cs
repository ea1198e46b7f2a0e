using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>One fill the OMS applied: what the portfolio applies, exactly once, and what the fill ledger keeps.</summary>
/// <param name="Order">The order it filled.</param>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="Side">The order's side.</param>
/// <param name="Quantity">Shares, positive.</param>
/// <param name="Price">The execution price.</param>
/// <param name="Fee">The fee charged, zero or more.</param>
/// <param name="FillId">The broker's execution id (interned).</param>
/// <param name="EventTimeNs">The event time of the fill, UTC nanoseconds.</param>
public readonly record struct OrderFill(
    OrderId Order,
    SymbolId Symbol,
    Side Side,
    long Quantity,
    Price Price,
    Money Fee,
    long FillId,
    long EventTimeNs)
{
    /// <summary>The fill as the portfolio takes it (<see cref="Portfolio.EnginePortfolio.Apply"/>): the same
    /// execution, attributed to <paramref name="engineId"/>.</summary>
    public Portfolio.Fill ForPortfolio(int engineId) => new(engineId, FillId, Symbol, Side, Quantity, Price, Fee, EventTimeNs);
}
