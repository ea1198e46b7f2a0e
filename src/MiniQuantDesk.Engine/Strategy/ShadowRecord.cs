using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Strategy;

/// <summary>An intent recorded in shadow mode: what the strategy wanted, when, and from which position.</summary>
/// <param name="EventTimeNs">The bar's close (UTC nanoseconds).</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="FromShares">The (shadow) position before.</param>
/// <param name="TargetShares">The target the strategy set.</param>
public readonly record struct ShadowRecord(long EventTimeNs, SymbolId Symbol, long FromShares, long TargetShares);
