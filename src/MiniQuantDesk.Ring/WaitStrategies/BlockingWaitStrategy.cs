namespace MiniQuantDesk.Ring.WaitStrategies;

/// <summary>
/// Waits on a monitor until a producer or an upstream consumer signals progress, or until the optional timeout
/// passes. A waiting consumer uses no CPU at all; each wake-up costs a few microseconds, and every publish takes
/// a lock to signal. Pick it when CPU is scarce or shared (more busy threads than cores) and microseconds of
/// latency are acceptable, e.g. a journal consumer that waits on the database anyway.
/// With a timeout, <see cref="WaitFor"/> returns when it expires even without a signal, so the processor can look
/// at its halt flag again: a lost signal can delay a consumer by at most one timeout, never hang it.
/// </summary>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    private readonly object _gate = new();
    private readonly int _timeoutMilliseconds;

    /// <summary>Creates a strategy that waits for a signal without a timeout.</summary>
    public BlockingWaitStrategy()
        : this(Timeout.InfiniteTimeSpan)
    {
    }

    /// <summary>Creates a strategy whose waits return after <paramref name="timeout"/> without a signal.</summary>
    /// <param name="timeout">A positive time span, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    public BlockingWaitStrategy(TimeSpan timeout)
    {
        if (timeout != Timeout.InfiniteTimeSpan && (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive (and under 24 days), or Timeout.InfiniteTimeSpan.");
        }

        _timeoutMilliseconds = timeout == Timeout.InfiniteTimeSpan ? Timeout.Infinite : (int)Math.Ceiling(timeout.TotalMilliseconds);
        WaitTimeout = timeout;
    }

    /// <summary>How long one wait lasts without a signal.</summary>
    public TimeSpan WaitTimeout { get; }

    /// <inheritdoc/>
    public bool IsBlockingStrategy => true;

    /// <summary>
    /// Checks under the monitor and waits on it while the dependents are behind. Producers and upstream
    /// processors advance their sequence before they signal under the same monitor, so a signal cannot be lost
    /// between the check and the wait.
    /// </summary>
    public long WaitFor(long sequence, DependentSequences dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        long available = dependents.Value;
        if (available >= sequence)
        {
            return available;
        }

        lock (_gate)
        {
            while ((available = dependents.Value) < sequence)
            {
                barrier.CheckAlert();
                if (!Monitor.Wait(_gate, _timeoutMilliseconds))
                {
                    return dependents.Value;
                }
            }
        }

        return available;
    }

    /// <summary>Wakes every waiter (takes the monitor: a full fence).</summary>
    public void SignalAllWhenBlocking()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
