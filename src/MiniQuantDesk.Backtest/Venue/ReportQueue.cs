using System.Globalization;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>A first-in, first-out ring of reports with a capacity fixed at construction: enqueue and dequeue
/// allocate nothing.</summary>
internal sealed class ReportQueue
{
    private readonly VenueReport[] _items;
    private int _head;
    private int _count;

    /// <summary>Creates a queue for up to <paramref name="capacity"/> undelivered reports.</summary>
    public ReportQueue(int capacity) => _items = new VenueReport[capacity];

    /// <summary>Reports not yet dequeued.</summary>
    public int Count => _count;

    /// <summary>Appends a report.</summary>
    /// <exception cref="InvalidOperationException">The queue is full: the caller has not drained it.</exception>
    public void Enqueue(in VenueReport report)
    {
        if (_count == _items.Length)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The venue's report queue is full ({_items.Length} undelivered reports): drain it with TryDequeue after every Submit, Cancel, Replace, OnBar and EndOfData."));
        }

        int tail = _head + _count;
        _items[tail >= _items.Length ? tail - _items.Length : tail] = report;
        _count++;
    }

    /// <summary>Takes the oldest report; false when there is none.</summary>
    public bool TryDequeue(out VenueReport report)
    {
        if (_count == 0)
        {
            report = default;
            return false;
        }

        report = _items[_head];
        _items[_head] = default;
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        _count--;
        return true;
    }
}
