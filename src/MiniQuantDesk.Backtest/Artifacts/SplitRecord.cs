namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>A split the engine applied during a run, for what is built from the fills afterwards (round trips).</summary>
/// <param name="TimeNs">Its event time (the ex-date's session open).</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="NewShares">New shares per <paramref name="OldShares"/> old ones.</param>
/// <param name="OldShares">See <paramref name="NewShares"/>.</param>
public sealed record SplitRecord(long TimeNs, string Symbol, long NewShares, long OldShares);
