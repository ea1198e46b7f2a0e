using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine.Execution;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>
/// The cancels one event asked for that the order manager queued because the broker had not named the order yet
/// (<see cref="OrderRequestOutcome.Queued"/>): no command goes out for them now, but the journal must keep them, or a
/// restart would forget that the order is to be cancelled when its ack comes. A fixed inline buffer inside the ring
/// slot, as <see cref="CommandDecisions"/>; an event that would queue more than <see cref="Capacity"/> halts the
/// engine rather than drop one.
/// </summary>
public struct QueuedCancels
{
    /// <summary>The most queued cancels one event can carry.</summary>
    public const int Capacity = CommandDecisions.Capacity;

    private Buffer _items;

    /// <summary>How many cancels were queued.</summary>
    public int Count { get; private set; }

    /// <summary>The order of the queued cancel at <paramref name="index"/>.</summary>
    public readonly ClientOrderId this[int index] =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"Only {Count} cancels were queued.");

    /// <summary>Records the queued cancel of <paramref name="order"/>; false when full.</summary>
    public bool TryAdd(ClientOrderId order)
    {
        if (Count == Capacity)
        {
            return false;
        }

        _items[Count++] = order;
        return true;
    }

    /// <summary>Forgets every queued cancel.</summary>
    public void Clear() => Count = 0;

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private ClientOrderId _element;
    }
}
