using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// Every fill the portfolio applied, in the order it applied them: the record the portfolio's state must always be
/// recomputable from, and the set of applied fill ids that makes application exactly-once. Allocated in full at
/// construction (<see cref="Capacity"/> fills); when full, the portfolio refuses new fills rather than forget one.
/// <para>Each fill is also chained to the previous fill of its symbol, so that a symbol's fills can be walked
/// newest first without scanning the others.</para>
/// </summary>
public sealed class FillLedger
{
    private readonly Fill[] _fills;
    private readonly int[] _previousOfSymbol;
    private readonly int[] _lastOfSymbol;
    private readonly FillIdIndex _ids;

    internal FillLedger(int capacity, int symbolCapacity)
    {
        _fills = Preallocated.Array<Fill>(capacity);
        _previousOfSymbol = Preallocated.Array<int>(capacity);
        _lastOfSymbol = new int[symbolCapacity + 1];
        Array.Fill(_lastOfSymbol, -1);
        _ids = new FillIdIndex(_fills);
    }

    /// <summary>How many fills are recorded.</summary>
    public int Count { get; private set; }

    /// <summary>How many fills the ledger can hold.</summary>
    public int Capacity => _fills.Length;

    /// <summary>True when no further fill can be recorded.</summary>
    public bool IsFull => Count == _fills.Length;

    /// <summary>The recorded fills, oldest first: what a rebuild replays.</summary>
    public ReadOnlySpan<Fill> Fills => _fills.AsSpan(0, Count);

    /// <summary>The fill at <paramref name="position"/> (0 is the oldest).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No fill is recorded there.</exception>
    public ref readonly Fill this[int position]
    {
        get
        {
            if ((uint)position >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, $"The ledger holds {Count} fills.");
            }

            return ref _fills[position];
        }
    }

    /// <summary>Finds the recorded fill with broker id <paramref name="fillId"/>.</summary>
    /// <param name="fillId">The broker's fill id.</param>
    /// <param name="position">Its position in the ledger, or −1.</param>
    public bool TryFind(long fillId, out int position)
    {
        position = _ids.Find(fillId);
        return position >= 0;
    }

    /// <summary>True when a fill with <paramref name="fillId"/> was applied.</summary>
    public bool Contains(long fillId) => _ids.Find(fillId) >= 0;

    /// <summary>The position of <paramref name="symbol"/>'s newest fill, or −1 when it has none.</summary>
    internal int LastOf(SymbolId symbol) => _lastOfSymbol[symbol.Value];

    /// <summary>The position of the fill of the same symbol before the one at <paramref name="position"/>, or −1.</summary>
    internal int PreviousOfSymbol(int position) => _previousOfSymbol[position];

    /// <summary>The fill at <paramref name="position"/>, unchecked against <see cref="Count"/> (positions come from
    /// the symbol chains, which only hold recorded fills).</summary>
    internal ref readonly Fill At(int position) => ref _fills[position];

    /// <summary>Records a fill whose id is new; the caller has checked <see cref="IsFull"/>.</summary>
    internal void Append(in Fill fill)
    {
        int position = Count;
        int symbol = fill.Symbol.Value;
        _fills[position] = fill;
        _previousOfSymbol[position] = _lastOfSymbol[symbol];
        _lastOfSymbol[symbol] = position;
        _ids.Add(fill.FillId, position);
        Count = position + 1;
    }

    /// <summary>
    /// Forgets every fill. The stored fills themselves are left in place, so that a rebuild may replay a span of
    /// this very ledger: replaying writes each fill at or before the position it is read from.
    /// </summary>
    internal void Clear()
    {
        Count = 0;
        Array.Fill(_lastOfSymbol, -1);
        _ids.Clear();
    }
}
