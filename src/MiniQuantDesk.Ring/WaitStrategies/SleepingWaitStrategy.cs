namespace MiniQuantDesk.Ring.WaitStrategies;

/// <summary>
/// Backs off in three steps: spins, then yields, then sleeps one millisecond between checks. Producers need not
/// signal, so publishing costs nothing extra, and an idle consumer uses almost no CPU; the price is up to about a
/// millisecond of latency after a quiet spell. Pick it for consumers that are off the latency path, such as an
/// audit or metrics consumer, or for quiet markets where CPU matters more than the first event's latency.
/// </summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;
    private const int YieldTries = 100;

    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, DependentSequences dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        int counter = SpinTries + YieldTries;
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();
            if (counter > YieldTries)
            {
                counter--;
            }
            else if (counter > 0)
            {
                counter--;
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
