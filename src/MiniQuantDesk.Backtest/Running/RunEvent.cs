namespace MiniQuantDesk.Backtest.Running;

/// <summary>One line of the run's event log: what happened, when, and its facts as text.</summary>
/// <param name="Type">e.g. <c>decision</c>, <c>ack</c>, <c>fill</c>, <c>halt</c>.</param>
/// <param name="TimeNs">Event time, UTC nanoseconds.</param>
/// <param name="Fields">The facts, by name.</param>
public sealed record RunEvent(string Type, long TimeNs, IReadOnlyDictionary<string, string> Fields);
