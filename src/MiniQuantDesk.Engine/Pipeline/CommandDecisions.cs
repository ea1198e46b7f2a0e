using System.Runtime.CompilerServices;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>
/// The gateway decisions one event produced, in the order they were made: a fixed inline buffer inside the ring
/// slot, so deciding allocates nothing. An event that would produce more than <see cref="Capacity"/> (a flatten of
/// many symbols, say) halts the engine rather than drop any.
/// </summary>
public struct CommandDecisions
{
    /// <summary>The most decisions one event can carry.</summary>
    public const int Capacity = 16;

    private Buffer _items;

    /// <summary>How many decisions were recorded.</summary>
    public int Count { get; private set; }

    /// <summary>The decision at <paramref name="index"/>.</summary>
    public readonly CommandDecision this[int index] =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"Only {Count} decisions were recorded.");

    /// <summary>True when no more decision fits.</summary>
    public readonly bool IsFull => Count == Capacity;

    /// <summary>Records a decision; false when full.</summary>
    public bool TryAdd(in CommandDecision decision)
    {
        if (Count == Capacity)
        {
            return false;
        }

        _items[Count++] = decision;
        return true;
    }

    /// <summary>Forgets every decision.</summary>
    public void Clear() => Count = 0;

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private CommandDecision _element;
    }
}
