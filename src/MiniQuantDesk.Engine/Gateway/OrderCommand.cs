using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Gateway;

/// <summary>What the engine asks the gateway to send: a submit, cancel or replace. Plain numbers, no strings.</summary>
/// <param name="Kind">Submit, cancel or replace.</param>
/// <param name="EngineId">The engine that asks.</param>
/// <param name="Order">The order in the engine's order manager.</param>
/// <param name="ClientOrderId">The order's client order id, which the broker sees (stable across retries).</param>
/// <param name="Target">For a cancel or replace: the broker's id of the order, from the broker order map.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares: the order's total (for a replace, the new total).</param>
/// <param name="LimitPrice">The limit, or 0 for a market order.</param>
/// <param name="EventTimeNs">The event time of the decision.</param>
/// <param name="TimeInForce">How long the order works (the journal keeps it with a new order).</param>
public readonly record struct OrderCommand(
    CommandKind Kind,
    int EngineId,
    OrderId Order,
    ClientOrderId ClientOrderId,
    BrokerOrderId Target,
    SymbolId Symbol,
    Side Side,
    long Quantity,
    Price LimitPrice,
    long EventTimeNs,
    TimeInForce TimeInForce);
