namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>A weekday the exchange closed for a reason of that day only.</summary>
/// <param name="Date">The New York date.</param>
/// <param name="Why">The reason, for people.</param>
public readonly record struct SpecialClosure(DateOnly Date, string Why);
