using System.Numerics;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring;

/// <summary>
/// Hands out slots of a ring to producers and tracks which are published. A producer claims one or a batch of
/// sequences (<see cref="Next(int)"/>), writes the slots, then publishes them; consumers wait on
/// <see cref="SequenceBarrier"/>s created here. Claims never overtake the slowest gating sequence, so a producer
/// cannot overwrite a slot that a consumer still needs.
/// </summary>
public abstract class Sequencer
{
    private readonly Lock _setupLock = new();
    private readonly List<SequenceBarrier> _barriers = [];
    private volatile string? _haltReason;
    private volatile bool _consumersAlerted;

    /// <summary>The gating sequences: the last consumers of the ring. Set only before the first claim, so the
    /// hot path reads the array without synchronisation.</summary>
    private protected Sequence[] _gatingSequences = [];

    /// <summary>Creates a sequencer over a ring of <paramref name="bufferSize"/> slots.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not a positive power of two.</exception>
    private protected Sequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        ValidateBufferSize(bufferSize);
        ArgumentNullException.ThrowIfNull(waitStrategy);
        BufferSize = bufferSize;
        WaitStrategy = waitStrategy;
        IsBlockingStrategy = waitStrategy.IsBlockingStrategy;
    }

    /// <summary>The number of slots in the ring.</summary>
    public int BufferSize { get; }

    /// <summary>The strategy consumers use to wait for this sequencer's cursor.</summary>
    public IWaitStrategy WaitStrategy { get; }

    /// <summary>
    /// The producers' cursor. With a single producer it is the highest published sequence; with several it is the
    /// highest claimed one, and <see cref="GetHighestPublishedSequence"/> tells which of those are published.
    /// </summary>
    public Sequence Cursor { get; } = new();

    /// <summary>True once <see cref="Halt"/> or <see cref="RefuseClaims"/> was called: claims are refused.</summary>
    public bool IsHalted => _haltReason is not null;

    /// <summary>Why claims are refused, or null while they are accepted.</summary>
    public string? HaltReason => _haltReason;

    /// <summary>The highest claimed sequence (for a single producer, possibly not yet published). Volatile read.</summary>
    public long HighestClaimed => ClaimedSequence;

    private protected bool IsBlockingStrategy { get; }

    /// <summary>Throws when <paramref name="bufferSize"/> is not a positive power of two.</summary>
    public static void ValidateBufferSize(int bufferSize)
    {
        if (bufferSize < 1 || !BitOperations.IsPow2(bufferSize))
        {
            throw new ArgumentOutOfRangeException(
                nameof(bufferSize),
                bufferSize,
                "The ring size must be a positive power of two (1, 2, 4, ... 1073741824), so that a sequence maps to its slot with a mask.");
        }
    }

    /// <summary>Claims the next sequence, waiting for capacity if the ring is full.</summary>
    public long Next() => Next(1);

    /// <summary>Claims the next <paramref name="n"/> sequences and returns the highest; waits for capacity.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1 or above the ring size.</exception>
    /// <exception cref="RingHaltedException">The ring was halted.</exception>
    public abstract long Next(int n);

    /// <summary>Claims the next sequence if there is capacity now; never waits.</summary>
    public bool TryNext(out long sequence) => TryNext(1, out sequence);

    /// <summary>Claims the next <paramref name="n"/> sequences if there is capacity now; never waits.</summary>
    public abstract bool TryNext(int n, out long sequence);

    /// <summary>Publishes one claimed sequence.</summary>
    /// <exception cref="InvalidOperationException">The sequence was never claimed, or was already published.</exception>
    public abstract void Publish(long sequence);

    /// <summary>Publishes the claimed sequences from <paramref name="low"/> to <paramref name="high"/>, inclusive.</summary>
    public abstract void Publish(long low, long high);

    /// <summary>True when the slot for <paramref name="sequence"/> holds that published sequence.</summary>
    public abstract bool IsAvailable(long sequence);

    /// <summary>The highest sequence from <paramref name="lowerBound"/> up to <paramref name="availableSequence"/>
    /// such that every sequence up to it is published.</summary>
    public abstract long GetHighestPublishedSequence(long lowerBound, long availableSequence);

    /// <summary>How many slots could be claimed now without waiting.</summary>
    public long RemainingCapacity()
    {
        long consumed = GetMinimumGatingSequence(ClaimedSequence);
        return BufferSize - (ClaimedSequence - consumed);
    }

    /// <summary>The highest claimed sequence.</summary>
    private protected abstract long ClaimedSequence { get; }

    /// <summary>
    /// Adds the sequences of the ring's last consumers: a claim waits until the slowest of them has passed the
    /// slot it would overwrite. Only allowed before the first claim, because a consumer added later could find its
    /// slots already overwritten.
    /// </summary>
    /// <exception cref="InvalidOperationException">A sequence was already claimed.</exception>
    public void AddGatingSequences(params Sequence[] gatingSequences)
    {
        ArgumentNullException.ThrowIfNull(gatingSequences);
        lock (_setupLock)
        {
            if (ClaimedSequence != Sequence.InitialValue)
            {
                throw new InvalidOperationException(
                    "Gating sequences (consumers) must be added before the first claim: a consumer added later could find the slots it needs already overwritten. Declare every consumer before publishing.");
            }

            _gatingSequences = [.. _gatingSequences, .. gatingSequences];
        }
    }

    /// <summary>The minimum of the gating sequences, or <paramref name="whenNone"/> when there are none.
    /// Volatile reads of each gating sequence.</summary>
    public long GetMinimumGatingSequence(long whenNone)
    {
        Sequence[] gating = _gatingSequences;
        if (gating.Length == 0)
        {
            return whenNone;
        }

        long minimum = long.MaxValue;
        foreach (Sequence sequence in gating)
        {
            minimum = Math.Min(minimum, sequence.Value);
        }

        return minimum;
    }

    /// <summary>
    /// Creates a barrier that a consumer waits on: it yields sequences that are published and, when
    /// <paramref name="dependentSequences"/> are given, already handled by those upstream consumers.
    /// </summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependentSequences) => NewBarrier(WaitStrategy, dependentSequences);

    /// <summary>
    /// Creates a barrier that waits with <paramref name="waitStrategy"/> instead of the ring's: a consumer off the
    /// latency path (a journal) can sleep while the business logic yields. Only a strategy that needs no signal may
    /// differ from the ring's, since producers signal the ring's strategy alone.
    /// </summary>
    /// <exception cref="ArgumentException">A blocking strategy other than the ring's.</exception>
    public SequenceBarrier NewBarrier(IWaitStrategy waitStrategy, params Sequence[] dependentSequences)
    {
        ArgumentNullException.ThrowIfNull(waitStrategy);
        ArgumentNullException.ThrowIfNull(dependentSequences);
        if (waitStrategy.IsBlockingStrategy && !ReferenceEquals(waitStrategy, WaitStrategy))
        {
            throw new ArgumentException(
                $"{waitStrategy.GetType().Name} blocks until signalled, and producers signal only the ring's own wait strategy ({WaitStrategy.GetType().Name}): " +
                "give a consumer a strategy of its own only when it needs no signal (sleeping, yielding, busy-spin), or make the ring's strategy blocking.",
                nameof(waitStrategy));
        }

        var barrier = new SequenceBarrier(this, waitStrategy, new DependentSequences(Cursor, dependentSequences));
        lock (_setupLock)
        {
            _barriers.Add(barrier);
            if (_consumersAlerted)
            {
                barrier.Alert();
            }
        }

        return barrier;
    }

    /// <summary>
    /// Halts the sequencer: every later claim throws <see cref="RingHaltedException"/> naming
    /// <paramref name="reason"/>, producers waiting for capacity stop waiting, and every barrier is alerted so its
    /// consumer stops. The first reason given is kept. Halting is permanent.
    /// </summary>
    public void Halt(string reason)
    {
        SequenceBarrier[] barriers;
        lock (_setupLock)
        {
            RefuseClaims(reason);
            _consumersAlerted = true;
            barriers = [.. _barriers];
        }

        foreach (SequenceBarrier barrier in barriers)
        {
            barrier.Alert();
        }

        WaitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>
    /// Refuses every later claim with <see cref="RingHaltedException"/> naming <paramref name="reason"/>, while
    /// consumers go on handling what was published and producers that already claimed may still publish.
    /// The first step of a drain. The first reason given is kept; it is permanent.
    /// </summary>
    public void RefuseClaims(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_setupLock)
        {
            _haltReason ??= reason;
        }
    }

    /// <summary>Throws <see cref="RingHaltedException"/> when halted. A single volatile read when running.</summary>
    private protected void ThrowIfHalted()
    {
        string? reason = _haltReason;
        if (reason is not null)
        {
            throw new RingHaltedException(reason);
        }
    }

    /// <summary>
    /// Called by a producer right after it published: when the consumers were already told to stop, the event may
    /// never be handled, and the producer must know. A single volatile read when running.
    /// </summary>
    private protected void ThrowIfPublishedAfterHalt()
    {
        if (_consumersAlerted)
        {
            ThrowIfHalted();
        }
    }

    /// <summary>Throws when a claim of <paramref name="n"/> slots cannot be valid on this ring.</summary>
    private protected void ValidateClaimSize(int n)
    {
        if ((uint)(n - 1) >= (uint)BufferSize)
        {
            ThrowClaimSize(n);
        }
    }

    /// <summary>Waits, without blocking the OS thread for long, until the slowest gating sequence reaches
    /// <paramref name="wrapPoint"/>; returns that minimum. Gives up with <see cref="RingHaltedException"/> when
    /// the ring is halted, so a producer can never hang on a ring whose consumers stopped. A claim that is only
    /// refused (draining) keeps waiting: its consumers are still running and it will be published.</summary>
    private protected long WaitForCapacity(long wrapPoint, long whenNone)
    {
        var spinner = default(SpinWait);
        long minimum;
        while (wrapPoint > (minimum = GetMinimumGatingSequence(whenNone)))
        {
            if (_consumersAlerted)
            {
                ThrowIfHalted();
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return minimum;
    }

    private void ThrowClaimSize(int n) =>
        throw new ArgumentOutOfRangeException(
            nameof(n),
            n,
            $"A claim must be for 1 to {BufferSize} slots (the ring size); it was {n}.");
}
