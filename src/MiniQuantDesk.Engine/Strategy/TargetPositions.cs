using System.Runtime.CompilerServices;

namespace MiniQuantDesk.Engine.Strategy;

/// <summary>
/// The targets a strategy returns for one bar: a fixed inline buffer of up to <see cref="Capacity"/> entries, so
/// returning targets allocates nothing. A strategy that says nothing keeps its positions.
/// </summary>
public struct TargetPositions
{
    /// <summary>The most targets one bar can produce.</summary>
    public const int Capacity = 8;

    private Buffer _items;

    /// <summary>How many targets were set.</summary>
    public int Count { get; private set; }

    /// <summary>True when a strategy tried to set more than <see cref="Capacity"/> symbols: the host then refuses
    /// all of this bar's targets (<see cref="ReasonCode.TooManyTargets"/>) rather than act on part of them.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The target at <paramref name="index"/>.</summary>
    public readonly TargetPosition this[int index] =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"Only {Count} targets were set.");

    /// <summary>Sets a target; a second target for the same symbol replaces the first.</summary>
    /// <returns>False when <see cref="Capacity"/> different symbols were already set.</returns>
    public bool TrySet(TargetPosition target)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_items[i].Symbol == target.Symbol)
            {
                _items[i] = target;
                return true;
            }
        }

        if (Count == Capacity)
        {
            Overflowed = true;
            return false;
        }

        _items[Count++] = target;
        return true;
    }

    /// <summary>Forgets every target.</summary>
    public void Clear()
    {
        Count = 0;
        Overflowed = false;
    }

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private TargetPosition _element;
    }
}
