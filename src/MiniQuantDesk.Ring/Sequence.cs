using System.Runtime.InteropServices;

namespace MiniQuantDesk.Ring;

/// <summary>
/// A 64-bit sequence counter padded on both sides so that no other hot field shares its cache lines
/// (128 bytes each side, which also covers the adjacent-line prefetcher of current x86 cores).
/// Producers publish through the cursor sequence; every consumer owns one and advances it after handling.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = (2 * PaddingBytes) + sizeof(long))]
public sealed class Sequence
{
    /// <summary>The value of a sequence before anything was claimed, published or handled.</summary>
    public const long InitialValue = -1;

    internal const int PaddingBytes = 128;

    [FieldOffset(PaddingBytes)]
    private long _value;

    /// <summary>Creates a sequence starting at <paramref name="initialValue"/>.</summary>
    public Sequence(long initialValue = InitialValue) => _value = initialValue;

    /// <summary>The current value. Volatile read (acquire): everything written before the matching
    /// <see cref="SetValue"/> is visible after this read.</summary>
    public long Value => Volatile.Read(ref _value);

    /// <summary>Sets the value. Ordered write (release, store/store barrier): everything this thread wrote before
    /// is visible to a thread that reads the new value. Does not wait for the store to become visible.</summary>
    public void SetValue(long value) => Volatile.Write(ref _value, value);

    /// <summary>Sets the value and then issues a full fence (store/load barrier), so that a read that follows on
    /// this thread cannot be ordered before the store.</summary>
    public void SetValueVolatile(long value)
    {
        Volatile.Write(ref _value, value);
        Interlocked.MemoryBarrier();
    }

    /// <summary>Atomically replaces <paramref name="expected"/> with <paramref name="next"/>.
    /// Full fence (compare-and-swap).</summary>
    /// <returns>True when the value was <paramref name="expected"/> and is now <paramref name="next"/>.</returns>
    public bool CompareAndSet(long expected, long next) =>
        Interlocked.CompareExchange(ref _value, next, expected) == expected;

    /// <summary>Atomically adds <paramref name="increment"/> and returns the new value. Full fence (locked add).</summary>
    public long AddAndGet(long increment) => Interlocked.Add(ref _value, increment);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
