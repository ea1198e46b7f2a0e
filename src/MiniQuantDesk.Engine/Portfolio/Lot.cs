using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>An open lot: shares opened by one fill and not yet closed, at that fill's price.</summary>
/// <param name="Quantity">Signed shares: positive for a long lot, negative for a short lot.</param>
/// <param name="Price">The opening fill's price per share.</param>
public readonly record struct Lot(long Quantity, Price Price);
