using System.Numerics;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring;

/// <summary>
/// A sequencer for any number of publishing threads. A claim is one atomic add on the cursor (full fence);
/// publication marks each slot with the lap number of its sequence (ordered write), so consumers can tell which
/// claimed slots are already written even when producers publish out of order.
/// </summary>
public sealed class MultiProducerSequencer : Sequencer
{
    private readonly int[] _availableLaps;
    private readonly int _indexMask;
    private readonly int _indexShift;
    private readonly Sequence _gatingCache = new();

    /// <summary>Creates the sequencer for a ring of <paramref name="bufferSize"/> slots.</summary>
    public MultiProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
        : base(bufferSize, waitStrategy)
    {
        _availableLaps = new int[bufferSize];
        _indexMask = bufferSize - 1;
        _indexShift = BitOperations.Log2((uint)bufferSize);
        Array.Fill(_availableLaps, -1);
    }

    private protected override long ClaimedSequence => Cursor.Value;

    /// <inheritdoc/>
    public override long Next(int n)
    {
        ValidateClaimSize(n);
        ThrowIfHalted();

        long next = Cursor.AddAndGet(n);
        long current = next - n;
        long wrapPoint = next - BufferSize;
        long cachedGating = _gatingCache.Value;
        if (wrapPoint > cachedGating || cachedGating > current)
        {
            _gatingCache.SetValue(WaitForCapacity(wrapPoint, current));
        }

        return next;
    }

    /// <inheritdoc/>
    public override bool TryNext(int n, out long sequence)
    {
        ValidateClaimSize(n);
        ThrowIfHalted();

        long current;
        long next;
        do
        {
            current = Cursor.Value;
            next = current + n;
            if (!HasCapacity(n, current))
            {
                sequence = Sequence.InitialValue;
                return false;
            }
        }
        while (!Cursor.CompareAndSet(current, next));

        sequence = next;
        return true;
    }

    /// <summary>Marks <paramref name="sequence"/> published (ordered write of its slot's lap number).</summary>
    /// <exception cref="InvalidOperationException">The sequence was never claimed, belongs to a finished lap or was already published.</exception>
    /// <exception cref="RingHaltedException">The ring was halted while this claim was open, so the event may never
    /// be handled.</exception>
    public override void Publish(long sequence)
    {
        CheckPublishable(sequence);
        Volatile.Write(ref _availableLaps[(int)sequence & _indexMask], (int)(sequence >> _indexShift));
        if (IsBlockingStrategy)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }

        ThrowIfPublishedAfterHalt();
    }

    /// <summary>Marks the claimed sequences <paramref name="low"/> to <paramref name="high"/> published. The whole
    /// range is checked before any of it is marked, so a refused publish changes nothing.</summary>
    /// <exception cref="InvalidOperationException">Part of the range was never claimed or was already published.</exception>
    /// <exception cref="RingHaltedException">The ring was halted while this claim was open.</exception>
    public override void Publish(long low, long high)
    {
        if (low > high)
        {
            ThrowInvalidPublish(low, "the range is empty (low > high)");
        }

        for (long sequence = low; sequence <= high; sequence++)
        {
            CheckPublishable(sequence);
        }

        for (long sequence = low; sequence <= high; sequence++)
        {
            Volatile.Write(ref _availableLaps[(int)sequence & _indexMask], (int)(sequence >> _indexShift));
        }

        if (IsBlockingStrategy)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }

        ThrowIfPublishedAfterHalt();
    }

    /// <summary>True when the slot of <paramref name="sequence"/> carries that sequence's lap. Volatile read.</summary>
    public override bool IsAvailable(long sequence) =>
        Volatile.Read(ref _availableLaps[(int)sequence & _indexMask]) == (int)(sequence >> _indexShift);

    /// <inheritdoc/>
    public override long GetHighestPublishedSequence(long lowerBound, long availableSequence)
    {
        for (long sequence = lowerBound; sequence <= availableSequence; sequence++)
        {
            if (!IsAvailable(sequence))
            {
                return sequence - 1;
            }
        }

        return availableSequence;
    }

    private bool HasCapacity(int n, long current)
    {
        long wrapPoint = current + n - BufferSize;
        long cachedGating = _gatingCache.Value;
        if (wrapPoint > cachedGating || cachedGating > current)
        {
            long minimum = GetMinimumGatingSequence(current);
            _gatingCache.SetValue(minimum);
            if (wrapPoint > minimum)
            {
                return false;
            }
        }

        return true;
    }

    private void CheckPublishable(long sequence)
    {
        // Only an upper bound can be checked against the cursor: claims are taken before waiting for capacity,
        // so the cursor may run several laps ahead of a slow producer's unpublished sequence.
        long claimed = Cursor.Value;
        if (sequence > claimed || sequence < 0)
        {
            ThrowInvalidPublish(sequence, $"it was never claimed (claimed up to {claimed})");
        }

        // The slot holds the previous lap's number until this sequence is published; a slot already at this lap
        // or a later one means a second publish, or a sequence from a lap that is over.
        int lap = Volatile.Read(ref _availableLaps[(int)sequence & _indexMask]);
        if (unchecked(lap - (int)(sequence >> _indexShift)) >= 0)
        {
            ThrowInvalidPublish(sequence, "it was already published, or its lap of the ring is over");
        }
    }

    private static void ThrowInvalidPublish(long sequence, string why) =>
        throw new InvalidOperationException(
            $"Cannot publish sequence {sequence}: {why}. Claim with Next() first and publish each claim once.");
}
