using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Strategy;

/// <summary>What a strategy may know of its own book when it sees a bar: its position in the bar's symbol and its
/// cash. Nothing of other engines, nothing of the venue.</summary>
/// <param name="Position">Signed shares held in the bar's symbol (positive long, negative short).</param>
/// <param name="Cash">The engine's cash.</param>
public readonly record struct StrategyAccount(long Position, Money Cash);
