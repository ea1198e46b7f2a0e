using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Strategy;

/// <summary>A position a strategy wants to hold: the host turns the difference from the current position into
/// order intents.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Shares">Signed target shares (0 = flat).</param>
public readonly record struct TargetPosition(SymbolId Symbol, long Shares);
