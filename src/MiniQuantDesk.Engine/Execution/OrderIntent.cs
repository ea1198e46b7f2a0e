using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>What the engine wants to send: one new order, as the strategy host and risk decided it.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Shares, positive.</param>
/// <param name="Type">Market or limit.</param>
/// <param name="LimitPrice">The limit for a limit order (positive); 0 for a market order.</param>
/// <param name="TimeInForce">How long the order works.</param>
public readonly record struct OrderIntent(
    SymbolId Symbol,
    Side Side,
    long Quantity,
    OrderType Type,
    Price LimitPrice,
    TimeInForce TimeInForce);
