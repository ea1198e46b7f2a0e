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
    /// Publishes the claimed sequences <paramref name="low"/> to <paramref name="high"/>. With one producer,
    /// publication is in claim order: <paramref name="low"/> must follow the last published sequence, so a slot
    /// can never become visible before the producer meant to publish it. One ordered write (release) of the cursor.
    /// </summary>
    /// <exception cref="InvalidOperationException">The range was not claimed, skips an unpublished sequence, or
    /// was already published.</exception>
    /// <exception cref="RingHaltedException">The ring was halted while this claim was open, so the event may never
    /// be handled.</exception>
    public override void Publish(long low, long high)
    {
        if (low != _state.Published + 1 || low > high || high > _state.Claimed)
        {
            ThrowInvalidPublish(low, high);
        }

        _state.Published = high;
        Cursor.SetValue(high);
        if (IsBlockingStrategy)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }

        ThrowIfPublishedAfterHalt();
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
            $"Cannot publish {low}..{high}: a single producer publishes its claims once each, in claim order " +
            $"(claimed up to {_state.Claimed}, published up to {_state.Published}, so the next publish starts at {_state.Published + 1}). " +
            "Claim with Next() first; publish a batch claimed with Next(n) with Publish(low, high).");

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
