using System.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// The set of applied broker fill ids, as an index from fill id to ledger position: an open-addressing table with
/// linear probing, allocated at construction with at least twice as many slots as the ledger holds fills, so it is
/// never more than half full and a lookup takes about two probes. Ids are never removed (a run's fills are kept for
/// the whole run), so there are no tombstones. Any <see cref="long"/> is a valid id, 0 included: an empty slot is
/// marked by the stored ledger position, not by the id.
/// </summary>
internal sealed class FillIdIndex
{
    private readonly Fill[] _fills;
    private readonly int[] _slots;
    private readonly int _mask;
    private readonly int _shift;

    /// <summary>Indexes the fills of <paramref name="fills"/> (the ledger's storage) by their fill id.</summary>
    public FillIdIndex(Fill[] fills)
    {
        _fills = fills;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(IdHash.MinTableSize, fills.Length * 2));
        _slots = Preallocated.Array<int>(size);
        _mask = size - 1;
        _shift = IdHash.ShiftFor(size);
    }

    /// <summary>The ledger position of the fill with <paramref name="fillId"/>, or −1 when it was never added.</summary>
    public int Find(long fillId)
    {
        int slot = Home(fillId);
        while (true)
        {
            int stored = _slots[slot];
            if (stored == 0)
            {
                return -1;
            }

            if (_fills[stored - 1].FillId == fillId)
            {
                return stored - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds the fill at <paramref name="ledgerPosition"/>; the caller has checked that its id is new and
    /// that the ledger has room, so the table (at most half full) always has a free slot.</summary>
    public void Add(long fillId, int ledgerPosition)
    {
        int slot = Home(fillId);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & _mask;
        }

        _slots[slot] = ledgerPosition + 1;
    }

    /// <summary>Forgets every id (a rebuild starts from an empty set).</summary>
    public void Clear() => Array.Clear(_slots);

    // Broker ids are often sequential: runs of them share a group of adjacent slots, and the runs spread over the
    // whole table (see IdHash).
    private int Home(long fillId) => IdHash.Home(fillId, _shift) & _mask;
}
