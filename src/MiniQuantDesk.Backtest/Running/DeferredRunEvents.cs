using System.Collections;

namespace MiniQuantDesk.Backtest.Running;

/// <summary>
/// The run's event log, formatted only when read: a run records a <see cref="PendingRunEvent"/> per event on the
/// business-logic thread, and the text (client order ids, prices, reasons) is made when events.jsonl is written.
/// Stress runs and benchmark runs, which never write the log, never pay for it.
/// </summary>
internal sealed class DeferredRunEvents(List<PendingRunEvent> pending, Func<PendingRunEvent, RunEvent> format) : IReadOnlyList<RunEvent>
{
    private RunEvent[]? _events;

    /// <inheritdoc />
    public int Count => pending.Count;

    /// <inheritdoc />
    public RunEvent this[int index] => Events[index];

    private RunEvent[] Events => _events ??= [.. pending.Select(format)];

    /// <inheritdoc />
    public IEnumerator<RunEvent> GetEnumerator() => ((IEnumerable<RunEvent>)Events).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
