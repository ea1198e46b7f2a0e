using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// The open lots of every symbol, each symbol's lots in a first-in-first-out queue, all drawn from one pool of lot
/// slots allocated at construction: a symbol may hold many lots while others hold none, and the pool's size bounds
/// the total. Slots are singly linked, oldest to newest; freed slots go on a free list, so taking and returning a
/// slot is O(1) and allocates nothing.
/// </summary>
internal sealed class LotQueues
{
    /// <summary>The link that ends a queue or the free list.</summary>
    public const int End = -1;

    private readonly LotSlot[] _slots;
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _count;
    private int _free;

    public LotQueues(int capacity, int symbolCapacity)
    {
        _slots = Preallocated.Array<LotSlot>(capacity);
        _head = new int[symbolCapacity + 1];
        _tail = new int[symbolCapacity + 1];
        _count = new int[symbolCapacity + 1];
        Clear();
    }

    /// <summary>How many lots the pool holds.</summary>
    public int Capacity => _slots.Length;

    /// <summary>How many lots are open over all symbols.</summary>
    public int Used { get; private set; }

    /// <summary>How many more lots can be opened.</summary>
    public int Available => _slots.Length - Used;

    /// <summary>How many lots <paramref name="symbol"/> holds.</summary>
    public int CountOf(SymbolId symbol) => _count[symbol.Value];

    /// <summary>The slot of <paramref name="symbol"/>'s oldest lot, or <see cref="End"/>.</summary>
    public int Oldest(SymbolId symbol) => _head[symbol.Value];

    /// <summary>The slot of the next newer lot of the same symbol, or <see cref="End"/>.</summary>
    public int Newer(int slot) => _slots[slot].Next;

    /// <summary>The signed shares of the lot in <paramref name="slot"/>.</summary>
    public long QuantityAt(int slot) => _slots[slot].Quantity;

    /// <summary>The opening price of the lot in <paramref name="slot"/>, in micros.</summary>
    public long PriceAt(int slot) => _slots[slot].Price;

    /// <summary>Opens a lot as <paramref name="symbol"/>'s newest; the caller has checked <see cref="Available"/>.</summary>
    public void Append(SymbolId symbol, long signedQuantity, long priceMicros)
    {
        int slot = _free;
        _free = _slots[slot].Next;
        _slots[slot] = new LotSlot { Quantity = signedQuantity, Price = priceMicros, Next = End };
        int s = symbol.Value;
        if (_tail[s] == End)
        {
            _head[s] = slot;
        }
        else
        {
            _slots[_tail[s]].Next = slot;
        }

        _tail[s] = slot;
        _count[s]++;
        Used++;
    }

    /// <summary>Closes <paramref name="symbol"/>'s oldest lot in full; the caller has checked there is one.</summary>
    public void RemoveOldest(SymbolId symbol)
    {
        int s = symbol.Value;
        int slot = _head[s];
        _head[s] = _slots[slot].Next;
        if (_head[s] == End)
        {
            _tail[s] = End;
        }

        _slots[slot] = new LotSlot { Next = _free };
        _free = slot;
        _count[s]--;
        Used--;
    }

    /// <summary>Leaves <paramref name="remainingQuantity"/> (signed) of <paramref name="symbol"/>'s oldest lot open
    /// after a partial close.</summary>
    public void ReduceOldest(SymbolId symbol, long remainingQuantity) => _slots[_head[symbol.Value]].Quantity = remainingQuantity;

    /// <summary>Closes every lot of every symbol.</summary>
    public void Clear()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new LotSlot { Next = i + 1 < _slots.Length ? i + 1 : End };
        }

        _free = _slots.Length > 0 ? 0 : End;
        Array.Fill(_head, End);
        Array.Fill(_tail, End);
        Array.Clear(_count);
        Used = 0;
    }

    /// <summary>One pooled lot: its signed shares, opening price and the link to the next newer lot (or the next
    /// free slot).</summary>
    private struct LotSlot
    {
        public long Quantity;
        public long Price;
        public int Next;
    }
}
