namespace MiniQuantDesk.Ring.WaitStrategies;

/// <summary>
/// Spins in a tight loop re-reading the dependent sequences. The lowest latency there is, at the price of a
/// whole core per waiting consumer, busy even when idle.
/// Pick it only when every consumer thread has a core of its own (pinned, more cores than threads); with fewer
/// cores than spinning threads, the spinners steal the very cycles the producer needs.
/// </summary>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, DependentSequences dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();
        }

        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
