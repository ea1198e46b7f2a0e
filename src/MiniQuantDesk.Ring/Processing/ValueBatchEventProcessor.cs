using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Processing;

/// <summary>
/// Runs one handler over a ring: waits at its barrier, hands every available event to the handler in sequence
/// order as one batch, then advances its own sequence (ordered write) so that downstream consumers and the
/// producers' gating see the batch as handled.
/// <para>Fail closed: when the handler throws, the processor's sequence stays before the failing event, the
/// fault is recorded in <see cref="Fault"/>, and the ring is halted, so producers stop and no consumer goes past
/// the event. Nothing is ever skipped.</para>
/// </summary>
/// <typeparam name="T">The ring's event struct.</typeparam>
public sealed class ValueBatchEventProcessor<T>
    where T : struct
{
    private const int Idle = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private readonly ValueRingBuffer<T> _ring;
    private readonly SequenceBarrier _barrier;
    private readonly IValueEventHandler<T> _handler;
    private readonly IWaitStrategy _waitStrategy;
    private readonly bool _signalProgress;
    private readonly Action<HandlerFault>? _onFault;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = Idle;
    private volatile HandlerFault? _fault;

    /// <summary>Creates a processor for <paramref name="handler"/> that waits at <paramref name="barrier"/>.</summary>
    /// <param name="ring">The ring whose slots the handler reads.</param>
    /// <param name="barrier">A barrier created by <paramref name="ring"/>.</param>
    /// <param name="handler">The handler; it runs on the thread that calls <see cref="Run"/>.</param>
    /// <param name="name">A name for faults and thread names; the handler's type name when null.</param>
    /// <param name="onFault">Told of a fault, on the processor's thread, after the ring was halted.</param>
    public ValueBatchEventProcessor(
        ValueRingBuffer<T> ring,
        SequenceBarrier barrier,
        IValueEventHandler<T> handler,
        string? name = null,
        Action<HandlerFault>? onFault = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(barrier);
        ArgumentNullException.ThrowIfNull(handler);
        _ring = ring;
        _barrier = barrier;
        _handler = handler;
        _waitStrategy = ring.Sequencer.WaitStrategy;
        _signalProgress = _waitStrategy.IsBlockingStrategy;
        _onFault = onFault;
        Name = name ?? handler.GetType().Name;
    }

    /// <summary>The handler's name, used in faults and thread names.</summary>
    public string Name { get; }

    /// <summary>The handler this processor runs.</summary>
    public IValueEventHandler<T> Handler => _handler;

    /// <summary>The highest sequence the handler has completely handled. Downstream consumers and producers
    /// gate on it.</summary>
    public Sequence Sequence { get; } = new();

    /// <summary>True from the start of <see cref="Run"/> until it returns.</summary>
    public bool IsRunning => Volatile.Read(ref _state) == Running;

    /// <summary>The fault that stopped this processor, or null.</summary>
    public HandlerFault? Fault => _fault;

    /// <summary>Waits until <see cref="Run"/> has begun and the handler's <c>OnStart</c> returned.</summary>
    /// <returns>False when <paramref name="timeout"/> passed first.</returns>
    public bool WaitUntilStarted(TimeSpan timeout) => _started.Task.Wait(timeout);

    /// <summary>Stops this processor after its current batch (alerts its barrier).</summary>
    public void Halt() => _barrier.Alert();

    /// <summary>
    /// Runs the processor on the calling thread until it is halted (its barrier alerted, or the ring halted) or
    /// its handler throws. A processor runs once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The processor already ran or is running.</exception>
    public void Run()
    {
        if (Interlocked.CompareExchange(ref _state, Running, Idle) != Idle)
        {
            throw new InvalidOperationException($"Processor '{Name}' was already started; a processor runs once.");
        }

        long next = Sequence.Value + 1;
        try
        {
            _handler.OnStart();
            _started.TrySetResult();
            ProcessUntilAlerted(ref next);
        }
        catch (Exception exception)
        {
            // The sequence stays at the end of the last whole batch: the handler saw the failed batch's earlier
            // events, but a batching handler (a journal committing at the end of a batch) may not have finished them,
            // so no handler after this one may take them as done.
            RecordFault(next, exception);
        }
        finally
        {
            _started.TrySetResult();
            ShutDownHandler(next);
            Volatile.Write(ref _state, Stopped);
        }
    }

    private void ProcessUntilAlerted(ref long next)
    {
        // Backs off when the barrier returns less than asked for (a blocking wait that timed out), so that a
        // strategy with a short timeout cannot turn the loop into a hot spin.
        var backOff = default(SpinWait);
        while (true)
        {
            long available;
            try
            {
                available = _barrier.WaitFor(next);
            }
            catch (AlertException)
            {
                return;
            }

            if (available < next)
            {
                backOff.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            backOff.Reset();

            _handler.OnBatchStart(available - next + 1);
            while (next <= available)
            {
                _handler.OnEvent(ref _ring[next], next, next == available);
                next++;
            }

            Sequence.SetValue(available);
            if (_signalProgress)
            {
                _waitStrategy.SignalAllWhenBlocking();
            }
        }
    }

    private void ShutDownHandler(long next)
    {
        try
        {
            _handler.OnShutdown();
        }
        catch (Exception exception)
        {
            RecordFault(next, exception);
        }
    }

    private void RecordFault(long sequence, Exception exception)
    {
        if (_fault is not null)
        {
            return;
        }

        var fault = new HandlerFault(Name, sequence, exception);
        _fault = fault;
        _ring.Halt(fault.ToString());
        _onFault?.Invoke(fault);
    }
}
