namespace MiniQuantDesk.Ring.WaitStrategies;

/// <summary>
/// Spins a hundred times (each a short pause, a few microseconds in all), then yields the processor to any other
/// ready thread on every further check. A yield costs about 2 µs on these machines, so the spin phase is long
/// enough that an event arriving soon after the last one is seen while spinning, not after a yield.
/// Latency close to busy-spin while events flow, and an idle consumer hands its core to whoever needs it.
/// The default for low latency when there may be more threads than cores (these 2-core machines): it still
/// shows as 100% CPU when idle, so prefer <see cref="SleepingWaitStrategy"/> or
/// <see cref="BlockingWaitStrategy"/> for consumers that are mostly idle.
/// </summary>
public sealed class YieldingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;

    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, DependentSequences dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        int counter = SpinTries;
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();
            if (counter > 0)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else
            {
                Thread.Yield();
            }
        }

        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
