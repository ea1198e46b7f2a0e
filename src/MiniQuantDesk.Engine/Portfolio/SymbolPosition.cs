using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>A copy of the portfolio's state in one symbol.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Quantity">Signed shares held: positive long, negative short, 0 flat.</param>
/// <param name="Mark">The last mark (or, until the first mark, the first fill's price); 0 when neither came yet.</param>
/// <param name="MarketValue">Quantity × mark, signed.</param>
/// <param name="CostBasis">Σ lot quantity × lot price over the open lots, signed.</param>
/// <param name="RealizedPnl">Profit and loss realized by closing lots first in, first out, before fees.</param>
/// <param name="UnrealizedPnl">Market value − cost basis: what closing every open lot at the mark would realize.</param>
/// <param name="Fees">Fees paid on this symbol's fills.</param>
/// <param name="OpenLots">How many lots are open.</param>
/// <param name="LastIncreasedAtNs">Event time of the last fill that opened the position or added to it (0 if
/// none): the caller compares it with the trading day's start to know whether an order would complete a day trade.</param>
public readonly record struct SymbolPosition(
    SymbolId Symbol,
    long Quantity,
    Price Mark,
    Money MarketValue,
    Money CostBasis,
    Money RealizedPnl,
    Money UnrealizedPnl,
    Money Fees,
    int OpenLots,
    long LastIncreasedAtNs);
