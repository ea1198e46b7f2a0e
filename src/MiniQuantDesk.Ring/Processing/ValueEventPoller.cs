namespace MiniQuantDesk.Ring.Processing;

/// <summary>
/// Consumes a ring on the caller's own thread: each <see cref="Poll"/> hands every published event past the
/// poller's sequence to a handler, in sequence order, then advances the sequence (ordered write). It is the
/// Disruptor's event poller: the same ring and the same handlers as a threaded
/// <see cref="ValueBatchEventProcessor{T}"/>, for a producer that wants to run the handlers itself — a replay or a
/// backtest that must be single-threaded and deterministic, with no hand-off between cores.
/// <para>Fail closed as the processor is: when the handler throws, the sequence stays before the failing event,
/// the ring is halted with the fault, and the exception is rethrown to the caller wrapped in
/// <see cref="HandlerFaultException"/>. A poller that faulted refuses to poll again.</para>
/// </summary>
/// <typeparam name="T">The ring's event struct.</typeparam>
public sealed class ValueEventPoller<T>
    where T : struct
{
    private readonly ValueRingBuffer<T> _ring;
    private readonly SequenceBarrier _barrier;
    private readonly IValueEventHandler<T> _handler;
    private HandlerFault? _fault;
    private long _handling;

    /// <summary>Creates a poller for <paramref name="handler"/>; it gates the ring's producers.</summary>
    /// <param name="ring">The ring; the poller's sequence is added to its gating sequences.</param>
    /// <param name="handler">The handler run by <see cref="Poll"/>.</param>
    /// <param name="name">A name for faults; the handler's type name when null.</param>
    /// <param name="dependsOn">Upstream sequences the poller must not pass (none: only the cursor).</param>
    public ValueEventPoller(ValueRingBuffer<T> ring, IValueEventHandler<T> handler, string? name = null, params Sequence[] dependsOn)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(handler);
        _ring = ring;
        _handler = handler;
        _barrier = ring.NewBarrier(dependsOn);
        Name = name ?? handler.GetType().Name;
        ring.AddGatingSequences(Sequence);
    }

    /// <summary>The handler's name, used in faults.</summary>
    public string Name { get; }

    /// <summary>The highest sequence the handler has completely handled (producers gate on it).</summary>
    public Sequence Sequence { get; } = new();

    /// <summary>The fault that stopped this poller, or null.</summary>
    public HandlerFault? Fault => _fault;

    /// <summary>
    /// Handles every event published so far (as one batch) on the calling thread and returns how many it handled;
    /// 0 when none was waiting. It never waits.
    /// </summary>
    /// <exception cref="HandlerFaultException">The handler threw (now or in an earlier poll).</exception>
    /// <exception cref="RingHaltedException">The ring was halted.</exception>
    public long Poll()
    {
        if (_fault is not null)
        {
            throw new HandlerFaultException(_fault);
        }

        if (_ring.IsHalted)
        {
            throw new RingHaltedException(_ring.HaltReason ?? "halted");
        }

        long next = Sequence.Value + 1;
        long available = _barrier.HighestAvailable(next);
        if (available < next)
        {
            return 0;
        }

        try
        {
            Handle(next, available);
        }
        catch (Exception exception)
        {
            // As in the threaded processor: the sequence stays at the end of the last whole batch, so nothing after
            // this handler takes the failed batch's earlier events as done.
            _fault = new HandlerFault(Name, _handling, exception);
            _ring.Halt(_fault.ToString());
            throw new HandlerFaultException(_fault);
        }

        Sequence.SetValue(available);
        return available - next + 1;
    }

    /// <summary>
    /// Hands events <paramref name="first"/> to <paramref name="last"/> to the handler. Kept apart from the
    /// exception handler in <see cref="Poll"/>: a loop inside a try block keeps its counter in memory (the runtime
    /// must find it there if the handler throws), which puts a store and a load on every event. The event being
    /// handled is noted in a field instead, for the fault.
    /// </summary>
    private void Handle(long first, long last)
    {
        IValueEventHandler<T> handler = _handler;
        ValueRingBuffer<T> ring = _ring;
        handler.OnBatchStart(last - first + 1);
        for (long sequence = first; sequence <= last; sequence++)
        {
            _handling = sequence;
            handler.OnEvent(ref ring[sequence], sequence, sequence == last);
        }
    }
}
