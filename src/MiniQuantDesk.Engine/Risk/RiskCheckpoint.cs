using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Risk;

/// <summary>
/// The part of an engine's risk state that only the equity path it saw can give, and that no journaled order or fill
/// can rebuild: the trading day of the last account check, that day's starting equity (the daily loss baseline),
/// the equity peak (the drawdown baseline) and the kill switch. The risk stage writes it into every slot; the journal
/// keeps the latest one so a restart puts it back (<see cref="RiskEngine.Restore"/>) instead of starting from zero.
/// </summary>
/// <param name="HasEquity">False until the first account check: then nothing else here means anything.</param>
/// <param name="TradingDay">The trading-day ordinal of the last account check.</param>
/// <param name="DayStartEquity">The equity at the first account check of that trading day.</param>
/// <param name="PeakEquity">The highest equity ever checked.</param>
/// <param name="KillSwitch">True while the kill switch is on.</param>
public readonly record struct RiskCheckpoint(bool HasEquity, int TradingDay, Money DayStartEquity, Money PeakEquity, bool KillSwitch);
