using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Risk;

/// <summary>
/// What risk needs to judge one order: the order itself and the engine's state it would change. The caller fills
/// it from the OMS and the portfolio; risk keeps no copy of either.
/// </summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares (positive).</param>
/// <param name="ReferencePrice">The price the order is judged at: its limit, or the last mark for a market order.</param>
/// <param name="Position">The engine's signed position in the symbol now (including working orders, if the caller counts them).</param>
/// <param name="GrossExposure">The engine's gross exposure now.</param>
/// <param name="Equity">The engine's equity now.</param>
/// <param name="EventTimeNs">The event time of the decision.</param>
/// <param name="TradingDay">The ordinal of the current trading day on the exchange calendar (business days, so the
/// PDT window counts sessions, not calendar days).</param>
/// <param name="OpenedToday">True when the position in this symbol was opened or added to on this trading day, so that
/// an order reducing it completes a day trade.</param>
public readonly record struct OrderRequest(
    SymbolId Symbol,
    Side Side,
    long Quantity,
    Price ReferencePrice,
    long Position,
    Money GrossExposure,
    Money Equity,
    long EventTimeNs,
    int TradingDay,
    bool OpenedToday);
