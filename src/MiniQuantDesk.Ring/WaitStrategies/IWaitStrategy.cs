namespace MiniQuantDesk.Ring.WaitStrategies;

/// <summary>
/// How a consumer waits for a sequence to become available. The choice trades latency against CPU: a busy-spin
/// waiter reacts in nanoseconds and burns a core; a blocking waiter uses no CPU and reacts in microseconds.
/// </summary>
public interface IWaitStrategy
{
    /// <summary>True when waiters sleep on a signal, so producers and consumers must call
    /// <see cref="SignalAllWhenBlocking"/> after advancing a sequence.</summary>
    bool IsBlockingStrategy { get; }

    /// <summary>
    /// Waits until <paramref name="dependents"/> reach <paramref name="sequence"/> and returns their value, which
    /// may be higher. A strategy with a timeout may return a lower value when it gave up.
    /// </summary>
    /// <exception cref="AlertException">The barrier was alerted while waiting.</exception>
    long WaitFor(long sequence, DependentSequences dependents, SequenceBarrier barrier);

    /// <summary>Wakes every blocked waiter. A no-op for strategies that do not block.</summary>
    void SignalAllWhenBlocking();
}
