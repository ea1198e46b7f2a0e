using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Gateway;

/// <summary>What the engine asks the gateway to send: a submit, cancel or replace. Plain numbers, no strings.</summary>
/// <param name="Kind">Submit, cancel or replace.</param>
/// <param name="EngineId">The engine that asks.</param>
/// <param name="OrderKey">The engine's key of the order (the OMS slot or client order id handle).</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares: the order's total (for a replace, the new total).</param>
/// <param name="LimitPrice">The limit, or 0 for a market order.</param>
/// <param name="EventTimeNs">The event time of the decision.</param>
public readonly record struct OrderCommand(
    CommandKind Kind,
    int EngineId,
    long OrderKey,
    SymbolId Symbol,
    Side Side,
    long Quantity,
    Price LimitPrice,
    long EventTimeNs);
