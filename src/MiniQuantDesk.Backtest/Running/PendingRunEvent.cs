namespace MiniQuantDesk.Backtest.Running;

/// <summary>
/// One entry of the run's event log before it is formatted: a few numbers that point at what the run kept anyway
/// (its venue reports, the collector's decisions), so that recording an event on the business-logic thread allocates
/// nothing per event beyond the list's slot. Rare events carry a formatter of their own.
/// </summary>
/// <param name="Kind">What <paramref name="Index"/> points into.</param>
/// <param name="Index">The index of the report or decision.</param>
/// <param name="TimeNs">The time the event is logged at, UTC nanoseconds.</param>
/// <param name="Format">For <see cref="PendingRunEventKind.Other"/>: makes the event.</param>
internal readonly record struct PendingRunEvent(PendingRunEventKind Kind, int Index, long TimeNs, Func<RunEvent>? Format = null);
