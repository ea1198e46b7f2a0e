using System.Runtime.InteropServices;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring;

/// <summary>
/// A sequencer for exactly one publishing thread. Claims are plain reads and writes of producer-owned fields
/// (no compare-and-swap); publishing is one ordered write of the cursor. Calling it from two threads at once
/// corrupts the ring: use <see cref="MultiProducerSequencer"/> for that.
/// </summary>
public sealed class SingleProducerSequencer : Sequencer
{
    private ProducerState _state;

    /// <summary>Creates the sequencer for a ring of <paramref name="bufferSize"/> slots.</summary>
    public SingleProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
        : base(bufferSize, waitStrategy)
    {
        _state.Claimed = Sequence.InitialValue;
        _state.Published = Sequence.InitialValue;
        _state.CachedGating = Sequence.InitialValue;
    }

    private protected override long ClaimedSequence => Volatile.Read(ref _state.Claimed);

    /// <inheritdoc/>
    public override long Next(int n)
    {
        ValidateClaimSize(n);
        ThrowIfHalted();

        long claimed = _state.Claimed;
        long next = claimed + n;
        long wrapPoint = next - BufferSize;
        if (wrapPoint > _state.CachedGating)
        {
            _state.CachedGating = WaitForCapacity(wrapPoint, claimed);
        }

        _state.Claimed = next;
        return next;
    }

    /// <inheritdoc/>
    public override bool TryNext(int n, out long sequence)
    {
        ValidateClaimSize(n);
        ThrowIfHalted();

        long claimed = _state.Claimed;
        long next = claimed + n;
        long wrapPoint = next - BufferSize;
        if (wrapPoint > _state.CachedGating)
        {
            long minimum = GetMinimumGatingSequence(claimed);
            _state.CachedGating = minimum;
            if (wrapPoint > minimum)
            {
                sequence = Sequence.InitialValue;
                return false;
            }
        }

        _state.Claimed = next;
        sequence = next;
        return true;
    }

    /// <inheritdoc/>
    public override void Publish(long sequence) => Publish(sequence, sequence);

    /// <summary>
    /// Publishes every claimed sequence up to <paramref name="high"/>: with one producer, publication is in order,
    /// so it moves the cursor to <paramref name="high"/> with one ordered write (release).
    /// </summary>
    /// <exception cref="InvalidOperationException">The range was not claimed, or part of it was already published.</exception>
    public override void Publish(long low, long high)
    {
        if (low > high || high > _state.Claimed || low <= _state.Published)
        {
            ThrowInvalidPublish(low, high);
        }

        _state.Published = high;
        Cursor.SetValue(high);
        if (IsBlockingStrategy)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <summary>True when <paramref name="sequence"/> is published and not yet overwritten by a later lap.</summary>
    public override bool IsAvailable(long sequence)
    {
        long cursor = Cursor.Value;
        return sequence <= cursor && sequence > cursor - BufferSize;
    }

    /// <summary>With one producer everything up to the cursor is published.</summary>
    public override long GetHighestPublishedSequence(long lowerBound, long availableSequence) => availableSequence;

    private void ThrowInvalidPublish(long low, long high) =>
        throw new InvalidOperationException(
            $"Cannot publish {low}..{high}: only claimed, unpublished sequences can be published " +
            $"(claimed up to {_state.Claimed}, published up to {_state.Published}). Claim with Next() first and publish each claim once, in order.");

    /// <summary>
    /// The producer's own counters, padded on both sides so that consumers reading the cursor and gating
    /// sequences never share a cache line with them. Only the producer thread writes them.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = (2 * Sequence.PaddingBytes) + (3 * sizeof(long)))]
    private struct ProducerState
    {
        [FieldOffset(Sequence.PaddingBytes)]
        public long Claimed;

        [FieldOffset(Sequence.PaddingBytes + sizeof(long))]
        public long Published;

        [FieldOffset(Sequence.PaddingBytes + (2 * sizeof(long)))]
        public long CachedGating;
    }
}
