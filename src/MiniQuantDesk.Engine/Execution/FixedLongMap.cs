using System.Numerics;
using System.Runtime.InteropServices;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// A map from non-zero <see cref="long"/> keys to <see cref="int"/> values with a capacity fixed at construction:
/// open addressing with linear probing over a power-of-two table at most half full, no removal, no growth. Lookups
/// and adds allocate nothing, and the same adds in the same order give the same table (deterministic). The OMS
/// keeps its broker-id, message-id and fill-id indexes in these, and checks <see cref="IsFull"/> before it adds,
/// so that "full" is a halt with a reason, never a resize.
/// <para>Each key sits next to its value (12 bytes an entry), so a lookup or an add touches one cache line and one
/// page of a table that can be hundreds of megabytes, not two.</para>
/// </summary>
internal sealed class FixedLongMap
{
    /// <summary>The most keys a map can be built for (its table is then 2^30 entries).</summary>
    public const int MaxCapacity = 1 << 29;


    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly int _shift;

    /// <summary>Creates a map for up to <paramref name="capacity"/> keys.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not 1 to <see cref="MaxCapacity"/>.</exception>
    public FixedLongMap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        int tableSize = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(IdHash.MinTableSize, capacity * 2));
        _entries = Preallocated.Array<Entry>(tableSize);
        _mask = tableSize - 1;
        _shift = IdHash.ShiftFor(tableSize);
        Capacity = capacity;
    }

    /// <summary>The most keys the map holds.</summary>
    public int Capacity { get; }

    /// <summary>The keys it holds.</summary>
    public int Count { get; private set; }

    /// <summary>True when no key can be added.</summary>
    public bool IsFull => Count == Capacity;

    /// <summary>Finds <paramref name="key"/>'s value; false for an absent key (and always for 0).</summary>
    public bool TryGetValue(long key, out int value)
    {
        if (key != 0)
        {
            Entry[] entries = _entries;
            for (int slot = Home(key); ; slot = (slot + 1) & _mask)
            {
                long found = entries[slot].Key;
                if (found == key)
                {
                    value = entries[slot].Value;
                    return true;
                }

                if (found == 0)
                {
                    break;
                }
            }
        }

        value = 0;
        return false;
    }

    /// <summary>True when <paramref name="key"/> is in the map.</summary>
    public bool ContainsKey(long key) => TryGetValue(key, out _);

    /// <summary>Adds a key that is not in the map yet. Callers check <see cref="IsFull"/> and
    /// <see cref="ContainsKey"/> first: a failure here is a bug in the OMS, never bad input.</summary>
    /// <exception cref="InvalidOperationException">The key is 0 or present, or the map is full.</exception>
    public void Add(long key, int value)
    {
        if (key == 0 || IsFull)
        {
            throw new InvalidOperationException(key == 0 ? "Key 0 marks an empty slot and cannot be added." : $"The map is full ({Capacity} keys).");
        }

        Entry[] entries = _entries;
        int slot = Home(key);
        while (entries[slot].Key != 0)
        {
            if (entries[slot].Key == key)
            {
                throw new InvalidOperationException($"Key {key} is already in the map.");
            }

            slot = (slot + 1) & _mask;
        }

        entries[slot].Key = key;
        entries[slot].Value = value;
        Count++;
    }

    /// <summary>Runs of consecutive keys share a group of adjacent slots; the runs spread evenly (see <see cref="IdHash"/>).</summary>
    private int Home(long key) => IdHash.Home(key, _shift) & _mask;

    /// <summary>A key (0 for an empty entry) and its value, packed to 12 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public long Key;
        public int Value;
    }
}
