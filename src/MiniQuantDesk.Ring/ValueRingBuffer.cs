using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring;

/// <summary>
/// A ring of pre-allocated structs. Producers claim sequences, write the slots in place through
/// <see cref="this[long]"/> and publish; consumers read the same slots by reference. Nothing is allocated or
/// copied per event.
/// <code>
/// long sequence = ring.Next();
/// ref MyEvent slot = ref ring[sequence];
/// slot.Price = ...;
/// ring.Publish(sequence);
/// </code>
/// </summary>
/// <typeparam name="T">The event struct. Slots are reused lap after lap, so a producer overwrites every field.</typeparam>
public sealed class ValueRingBuffer<T>
    where T : struct
{
    /// <summary>Slots kept empty before and after the live ones, so that no other object shares a cache line
    /// with the first or last slot (at least 128 bytes each side).</summary>
    private static readonly int s_padding = (Sequence.PaddingBytes + Unsafe.SizeOf<T>() - 1) / Unsafe.SizeOf<T>();

    private readonly T[] _entries;
    private readonly long _indexMask;
    private readonly SingleProducerSequencer? _singleProducer;
    private readonly MultiProducerSequencer? _multiProducer;

    /// <summary>Creates a ring of <paramref name="bufferSize"/> slots.</summary>
    /// <param name="bufferSize">A positive power of two.</param>
    /// <param name="producerType">Whether one thread or several publish.</param>
    /// <param name="waitStrategy">How consumers wait; see the strategies' documentation for when to pick each.</param>
    /// <exception cref="ArgumentOutOfRangeException">The size is not a positive power of two.</exception>
    public ValueRingBuffer(int bufferSize, ProducerType producerType, IWaitStrategy waitStrategy)
    {
        Sequencer.ValidateBufferSize(bufferSize);
        ArgumentNullException.ThrowIfNull(waitStrategy);
        if (producerType == ProducerType.Single)
        {
            _singleProducer = new SingleProducerSequencer(bufferSize, waitStrategy);
            Sequencer = _singleProducer;
        }
        else if (producerType == ProducerType.Multi)
        {
            _multiProducer = new MultiProducerSequencer(bufferSize, waitStrategy);
            Sequencer = _multiProducer;
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(producerType), producerType, "Use ProducerType.Single or ProducerType.Multi.");
        }

        _entries = new T[bufferSize + (2 * s_padding)];
        _indexMask = bufferSize - 1;
    }

    /// <summary>Creates a ring for exactly one publishing thread.</summary>
    public static ValueRingBuffer<T> CreateSingleProducer(int bufferSize, IWaitStrategy waitStrategy) =>
        new(bufferSize, ProducerType.Single, waitStrategy);

    /// <summary>Creates a ring for any number of publishing threads.</summary>
    public static ValueRingBuffer<T> CreateMultiProducer(int bufferSize, IWaitStrategy waitStrategy) =>
        new(bufferSize, ProducerType.Multi, waitStrategy);

    /// <summary>The sequencer that hands out and publishes this ring's slots.</summary>
    public Sequencer Sequencer { get; }

    /// <summary>The number of slots.</summary>
    public int BufferSize => Sequencer.BufferSize;

    /// <summary>The producers' cursor value (see <see cref="Ring.Sequencer.Cursor"/>). Volatile read.</summary>
    public long Cursor => Sequencer.Cursor.Value;

    /// <summary>True once the ring was halted.</summary>
    public bool IsHalted => Sequencer.IsHalted;

    /// <summary>Why the ring was halted, or null.</summary>
    public string? HaltReason => Sequencer.HaltReason;

    /// <summary>
    /// The slot for <paramref name="sequence"/>, by reference. A producer may write it between claim and publish;
    /// a consumer may read it once its barrier returned the sequence. No bounds check beyond the mask.
    /// </summary>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), s_padding + (int)(sequence & _indexMask));
    }

    /// <summary>Claims the next slot, waiting while the ring is full.</summary>
    /// <exception cref="RingHaltedException">The ring was halted.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => _singleProducer is not null ? _singleProducer.Next(1) : _multiProducer!.Next(1);

    /// <summary>Claims the next <paramref name="n"/> slots and returns the highest sequence; the batch is
    /// <c>highest - n + 1 .. highest</c>. Waits while the ring is full.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1 or above <see cref="BufferSize"/>.</exception>
    /// <exception cref="RingHaltedException">The ring was halted.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n) => _singleProducer is not null ? _singleProducer.Next(n) : _multiProducer!.Next(n);

    /// <summary>Claims the next slot if one is free now; returns false instead of waiting.</summary>
    public bool TryNext(out long sequence) =>
        _singleProducer is not null ? _singleProducer.TryNext(1, out sequence) : _multiProducer!.TryNext(1, out sequence);

    /// <summary>Claims the next <paramref name="n"/> slots if they are free now; returns false instead of waiting.</summary>
    public bool TryNext(int n, out long sequence) =>
        _singleProducer is not null ? _singleProducer.TryNext(n, out sequence) : _multiProducer!.TryNext(n, out sequence);

    /// <summary>Publishes a claimed slot, making it visible to consumers.</summary>
    /// <exception cref="InvalidOperationException">The sequence was not claimed or was already published.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        if (_singleProducer is not null)
        {
            _singleProducer.Publish(sequence, sequence);
        }
        else
        {
            _multiProducer!.Publish(sequence);
        }
    }

    /// <summary>Publishes the claimed slots <paramref name="low"/> to <paramref name="high"/>, inclusive.</summary>
    /// <exception cref="InvalidOperationException">Part of the range was not claimed or was already published.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long low, long high)
    {
        if (_singleProducer is not null)
        {
            _singleProducer.Publish(low, high);
        }
        else
        {
            _multiProducer!.Publish(low, high);
        }
    }

    /// <summary>Creates a barrier for a consumer that follows the producers and the given upstream consumers.</summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependentSequences) => Sequencer.NewBarrier(dependentSequences);

    /// <summary>Creates a barrier that waits with its own, signal-free <paramref name="waitStrategy"/>.</summary>
    /// <exception cref="ArgumentException">A blocking strategy other than the ring's.</exception>
    public SequenceBarrier NewBarrier(IWaitStrategy waitStrategy, params Sequence[] dependentSequences) =>
        Sequencer.NewBarrier(waitStrategy, dependentSequences);

    /// <summary>Adds the sequences of the ring's last consumers, which the producers must never lap.
    /// Only before the first claim.</summary>
    /// <exception cref="InvalidOperationException">A sequence was already claimed.</exception>
    public void AddGatingSequences(params Sequence[] gatingSequences) => Sequencer.AddGatingSequences(gatingSequences);

    /// <summary>How many slots could be claimed now without waiting.</summary>
    public long RemainingCapacity() => Sequencer.RemainingCapacity();

    /// <summary>Halts the ring: claims throw <see cref="RingHaltedException"/> and every consumer barrier is alerted.</summary>
    public void Halt(string reason) => Sequencer.Halt(reason);
}
