using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>An order as the simulated venue receives it.</summary>
/// <param name="ClientOrderId">The engine's id; ids must rise from one submit to the next.</param>
/// <param name="OrderId">The engine's own order number (carried for the caller; the venue does not use it).</param>
/// <param name="SymbolIndex">The symbol, 0-based, below the venue's symbol capacity.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop or stop-limit.</param>
/// <param name="TimeInForce">Day or good-till-canceled.</param>
/// <param name="Quantity">Shares, positive.</param>
/// <param name="LimitPrice">The limit for limit and stop-limit orders; 0 otherwise.</param>
/// <param name="StopPrice">The stop for stop and stop-limit orders; 0 otherwise.</param>
/// <param name="DecisionTimeNs">When it was decided (the deciding bar's close): it may fill only on bars that start
/// at or after this time.</param>
/// <param name="OcoGroup">One-cancels-other group, 0 for none: a fill of one member cancels the others.</param>
public readonly record struct VenueOrder(
    ClientOrderId ClientOrderId,
    long OrderId,
    int SymbolIndex,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    long Quantity,
    Price LimitPrice,
    Price StopPrice,
    long DecisionTimeNs,
    long OcoGroup);
