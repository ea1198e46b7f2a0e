using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring;

/// <summary>
/// The gate a consumer waits at: it returns the highest sequence that is published and that every upstream
/// consumer has handled, so a consumer never passes the producers or the consumers it follows. Alerting the
/// barrier makes the wait throw <see cref="AlertException"/>, which is how a processor is told to halt.
/// </summary>
public sealed class SequenceBarrier
{
    private readonly Sequencer _sequencer;
    private readonly IWaitStrategy _waitStrategy;
    private volatile bool _alerted;

    internal SequenceBarrier(Sequencer sequencer, IWaitStrategy waitStrategy, DependentSequences dependents)
    {
        _sequencer = sequencer;
        _waitStrategy = waitStrategy;
        Dependents = dependents;
    }

    /// <summary>What this barrier waits on.</summary>
    public DependentSequences Dependents { get; }

    /// <summary>True once <see cref="Alert"/> was called. Volatile read.</summary>
    public bool IsAlerted => _alerted;

    /// <summary>
    /// Waits until <paramref name="sequence"/> may be handled and returns the highest sequence that may be handled,
    /// which can be higher (a batch). Returns a lower value only when a timing-out wait strategy gave up.
    /// </summary>
    /// <exception cref="AlertException">The barrier was alerted.</exception>
    public long WaitFor(long sequence)
    {
        CheckAlert();
        long available = _waitStrategy.WaitFor(sequence, Dependents, this);
        if (available < sequence)
        {
            return available;
        }

        long highest = _sequencer.GetHighestPublishedSequence(sequence, available);
        if (highest >= sequence)
        {
            return highest;
        }

        // With several producers the cursor counts claims: the slot is claimed but its producer is still writing
        // it. That takes nanoseconds unless the producer lost its core, so spin, then yield the core to it.
        var spinner = default(SpinWait);
        while ((highest = _sequencer.GetHighestPublishedSequence(sequence, available)) < sequence)
        {
            CheckAlert();
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return highest;
    }

    /// <summary>
    /// Returns, without waiting, the highest sequence from <paramref name="sequence"/> on that is published and
    /// handled by every upstream consumer, or <paramref name="sequence"/> − 1 when there is none yet. For a poller,
    /// which never blocks. Volatile reads of the cursor, the dependents and the publication flags.
    /// </summary>
    public long HighestAvailable(long sequence)
    {
        long available = Dependents.Value;
        if (available < sequence)
        {
            return sequence - 1;
        }

        return _sequencer.GetHighestPublishedSequence(sequence, available);
    }

    /// <summary>Alerts the barrier: a consumer waiting on it, or arriving later, stops waiting.
    /// Volatile write, then wakes blocked waiters.</summary>
    public void Alert()
    {
        _alerted = true;
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Throws <see cref="AlertException"/> if the barrier was alerted. A single volatile read.</summary>
    public void CheckAlert()
    {
        if (_alerted)
        {
            throw AlertException.Instance;
        }
    }
}
