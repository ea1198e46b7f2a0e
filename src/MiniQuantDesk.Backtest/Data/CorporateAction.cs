namespace MiniQuantDesk.Backtest.Data;

/// <summary>One split or cash dividend, effective from the session on <paramref name="Date"/>.</summary>
/// <param name="Date">The effective (ex) date: prices change from that session on.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Kind">Split or dividend.</param>
/// <param name="Numerator">New shares per <paramref name="Denominator"/> old ones (a 3-for-2 split is 3/2), in lowest
/// terms; 1 for a dividend.</param>
/// <param name="Denominator">See <paramref name="Numerator"/>; 1 for a dividend.</param>
/// <param name="AmountMicros">Cash per share in micros for a dividend; 0 for a split.</param>
public sealed record CorporateAction(DateOnly Date, string Symbol, CorporateActionKind Kind, long Numerator, long Denominator, long AmountMicros);
