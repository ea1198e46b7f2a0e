using System.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// A fixed-capacity set of <see cref="long"/> ids (open addressing, linear probing, at most half full), allocated
/// once: adding and finding allocate nothing. Ids are never removed. Any id is allowed, 0 included.
/// <para>An empty table entry holds 0, so a lookup reads one array (one cache line, usually); the id 0 itself is
/// remembered by a flag rather than in the table.</para>
/// </summary>
internal sealed class HashedIdSet
{
    private readonly long[] _ids;
    private readonly int _mask;
    private readonly int _shift;
    private readonly int _capacity;
    private bool _hasZero;
    private int _count;

    /// <summary>Creates a set for up to <paramref name="capacity"/> ids.</summary>
    public HashedIdSet(int capacity)
    {
        _capacity = capacity;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(IdHash.MinTableSize, capacity * 2));
        _ids = Preallocated.Array<long>(size);
        _mask = size - 1;
        _shift = IdHash.ShiftFor(size);
    }

    /// <summary>True when the set holds its capacity.</summary>
    public bool IsFull => _count == _capacity;

    /// <summary>True when <paramref name="id"/> was added before.</summary>
    public bool Contains(long id) => id == 0 ? _hasZero : _ids[Find(id)] != 0;

    /// <summary>Adds <paramref name="id"/>; false when it was there already or the set is full.</summary>
    public bool TryAdd(long id)
    {
        if (id == 0)
        {
            if (_hasZero || _count == _capacity)
            {
                return false;
            }

            _hasZero = true;
            _count++;
            return true;
        }

        int slot = Find(id);
        if (_ids[slot] != 0 || _count == _capacity)
        {
            return false;
        }

        _ids[slot] = id;
        _count++;
        return true;
    }

    /// <summary>The slot holding <paramref name="id"/> (not 0), or the empty slot where it would go.</summary>
    private int Find(long id)
    {
        long[] ids = _ids;
        int slot = IdHash.Home(id, _shift) & _mask;
        while (true)
        {
            long found = ids[slot];
            if (found == id || found == 0)
            {
                return slot;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
