namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>The account's value at one bar time: a row of <c>equity.csv</c>. With several symbols the runner gives
/// one point per distinct bar time, after every symbol's bar at that time has been marked. A value: a minute-bar year
/// records about 100,000 of them, and as objects each would survive every collection of the run.</summary>
/// <param name="TimeNs">Bar time, UTC nanoseconds since the Unix epoch.</param>
/// <param name="EquityMicros">Cash plus marked positions, in micros.</param>
/// <param name="CashMicros">Cash, in micros.</param>
/// <param name="GrossExposureMicros">Sum of the absolute marked values of all positions, in micros.</param>
public readonly record struct EquityPoint(long TimeNs, long EquityMicros, long CashMicros, long GrossExposureMicros);
