using System.Collections;

namespace MiniQuantDesk.Backtest.Running;

/// <summary>
/// The run's event log, formatted only when read: a run records a small closure per event on the business-logic
/// thread, and the text (client order ids, prices, reasons) is made when events.jsonl is written. Stress runs and
/// benchmark runs, which never write the log, never pay for it.
/// </summary>
internal sealed class DeferredRunEvents(List<Func<RunEvent>> sources) : IReadOnlyList<RunEvent>
{
    private RunEvent[]? _events;

    public int Count => sources.Count;

    public RunEvent this[int index] => Events[index];

    private RunEvent[] Events => _events ??= [.. sources.Select(static source => source())];

    public IEnumerator<RunEvent> GetEnumerator() => ((IEnumerable<RunEvent>)Events).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
