namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>A session whose hours were not the rule's: a late open, an early close announced for one year, an
/// emergency close.</summary>
/// <param name="Date">The New York date.</param>
/// <param name="Open">The New York opening time.</param>
/// <param name="Close">The New York closing time.</param>
/// <param name="Why">The reason, for people.</param>
public readonly record struct SpecialSession(DateOnly Date, TimeOnly Open, TimeOnly Close, string Why);
