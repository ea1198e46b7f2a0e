using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// One execution reported by the broker: a positive number of shares of one symbol bought or sold at one price,
/// with its fee. Plain numbers, no strings, so that it fits a ring slot and the fill ledger as it is.
/// </summary>
/// <param name="EngineId">The engine whose order was filled; another engine's portfolio refuses it.</param>
/// <param name="FillId">The broker's id of this execution: the key of exactly-once application.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell; a sell from flat opens a short position.</param>
/// <param name="Quantity">Shares, positive; the side gives the sign.</param>
/// <param name="Price">Price per share, positive.</param>
/// <param name="Fee">Commission and fees charged for this execution: zero or positive, paid out of cash.</param>
/// <param name="EventTimeNs">The event time at which the fill reached the engine (UTC nanoseconds).</param>
public readonly record struct Fill(
    int EngineId,
    long FillId,
    SymbolId Symbol,
    Side Side,
    long Quantity,
    Price Price,
    Money Fee,
    long EventTimeNs)
{
    /// <summary>The signed change of the position: +quantity for a buy, −quantity for a sell.</summary>
    public long SignedQuantity => Side == Side.Buy ? Quantity : -Quantity;

    /// <summary>
    /// True when <paramref name="other"/> reports the same execution: the same engine, symbol, side, quantity,
    /// price and fee. The event time is not compared: a redelivery reaches the engine later, and is still the
    /// same execution.
    /// </summary>
    public bool HasSameTermsAs(in Fill other) =>
        EngineId == other.EngineId
        && FillId == other.FillId
        && Symbol == other.Symbol
        && Side == other.Side
        && Quantity == other.Quantity
        && Price == other.Price
        && Fee == other.Fee;
}
