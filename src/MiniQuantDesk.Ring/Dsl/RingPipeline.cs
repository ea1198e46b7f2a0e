using System.Globalization;
using MiniQuantDesk.Ring.Processing;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Dsl;

/// <summary>
/// Declares and runs a topology of handlers over one ring, one thread per handler.
/// <code>
/// pipeline.HandleEventsWith(a).Then(b).Then(c);   // a, then b, then c
/// pipeline.HandleEventsWith(a, b).Then(c);        // a and b in parallel, then c
/// pipeline.Start();
/// // producers: ring.Next(), write ring[sequence], ring.Publish(sequence)
/// pipeline.DrainAndStop(TimeSpan.FromSeconds(5)); // every published event handled, threads joined
/// </code>
/// Fail closed: when a handler throws, the ring is halted at once, producers get
/// <see cref="RingHaltedException"/>, and <see cref="Fault"/> names the handler, the sequence and the exception.
/// </summary>
/// <typeparam name="T">The ring's event struct.</typeparam>
public sealed class RingPipeline<T>
    where T : struct
{
    private static readonly TimeSpan s_defaultJoinTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly List<ValueBatchEventProcessor<T>> _processors = [];
    private readonly List<Sequence> _lastSequences = [];
    private readonly List<Thread> _threads = [];
    private PipelineState _state = PipelineState.Created;
    private HandlerFault? _fault;

    /// <summary>Creates a pipeline over a new ring of <paramref name="bufferSize"/> slots.</summary>
    public RingPipeline(int bufferSize, ProducerType producerType, IWaitStrategy waitStrategy)
        : this(new ValueRingBuffer<T>(bufferSize, producerType, waitStrategy))
    {
    }

    /// <summary>Creates a pipeline over <paramref name="ring"/>, on which nothing may have been claimed yet.</summary>
    public RingPipeline(ValueRingBuffer<T> ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        RingBuffer = ring;
    }

    /// <summary>The ring producers publish to.</summary>
    public ValueRingBuffer<T> RingBuffer { get; }

    /// <summary>Where the pipeline is in its life.</summary>
    public PipelineState State
    {
        get
        {
            lock (_lock)
            {
                return _fault is not null ? PipelineState.Faulted : _state;
            }
        }
    }

    /// <summary>The first handler fault, which halted the pipeline; null while none occurred.</summary>
    public HandlerFault? Fault
    {
        get
        {
            lock (_lock)
            {
                return _fault;
            }
        }
    }

    /// <summary>The processors, in the order their handlers were added.</summary>
    public IReadOnlyList<ValueBatchEventProcessor<T>> Processors
    {
        get
        {
            lock (_lock)
            {
                return [.. _processors];
            }
        }
    }

    /// <summary>Adds handlers that follow the producers directly and run in parallel with each other.</summary>
    /// <exception cref="InvalidOperationException">The pipeline was already started, or a handler was added before.</exception>
    public HandlerGroup<T> HandleEventsWith(params IValueEventHandler<T>[] handlers) => AddHandlers([], handlers);

    /// <summary>
    /// Starts one thread per handler and waits until each has run its handler's <c>OnStart</c>. Producers may
    /// publish once this returns.
    /// </summary>
    /// <exception cref="InvalidOperationException">Started before, or no handler was added.</exception>
    /// <exception cref="PipelineFaultedException">A handler's <c>OnStart</c> threw; the pipeline is halted.</exception>
    public void Start()
    {
        lock (_lock)
        {
            if (_state != PipelineState.Created)
            {
                throw new InvalidOperationException($"The pipeline was already started (it is {_state}); a pipeline starts once.");
            }

            if (_processors.Count == 0)
            {
                throw new InvalidOperationException("The pipeline has no handlers: add them with HandleEventsWith(...) before Start().");
            }

            RingBuffer.AddGatingSequences([.. _lastSequences]);
            for (int index = 0; index < _processors.Count; index++)
            {
                ValueBatchEventProcessor<T> processor = _processors[index];
                var thread = new Thread(processor.Run)
                {
                    IsBackground = true,
                    Name = string.Create(CultureInfo.InvariantCulture, $"ring-{index}-{processor.Name}"),
                };
                _threads.Add(thread);
            }

            _state = PipelineState.Running;
        }

        foreach (Thread thread in _threads)
        {
            thread.Start();
        }

        foreach (ValueBatchEventProcessor<T> processor in _processors)
        {
            if (!processor.WaitUntilStarted(s_defaultJoinTimeout))
            {
                string reason = $"processor '{processor.Name}' did not finish OnStart within {s_defaultJoinTimeout.TotalSeconds} s";
                MarkHalted(reason);
                throw new TimeoutException($"Processor '{processor.Name}' did not finish OnStart within {s_defaultJoinTimeout.TotalSeconds} s; the pipeline was halted.");
            }
        }

        HandlerFault? fault = Fault;
        if (fault is not null)
        {
            JoinThreads(s_defaultJoinTimeout);
            throw new PipelineFaultedException(fault);
        }
    }

    /// <summary>
    /// Stops the pipeline without losing an event: refuses new claims, waits until every handler has handled every
    /// event published before the call, then stops and joins the threads. Producers should have stopped
    /// publishing; a claim made after this call throws <see cref="RingHaltedException"/>.
    /// </summary>
    /// <param name="timeout">How long to wait for the handlers to catch up.</param>
    /// <exception cref="PipelineFaultedException">A handler fault halted the pipeline, so the events cannot all be handled.</exception>
    /// <exception cref="TimeoutException">The handlers did not catch up in time; the pipeline keeps running.</exception>
    /// <exception cref="InvalidOperationException">The pipeline was never started, or was halted.</exception>
    public void DrainAndStop(TimeSpan timeout)
    {
        lock (_lock)
        {
            ThrowIfFaulted();
            switch (_state)
            {
                case PipelineState.Created:
                    throw new InvalidOperationException("The pipeline was never started, so there is nothing to drain.");
                case PipelineState.Halted:
                    throw new InvalidOperationException("The pipeline was halted; events published before the halt may be unhandled and cannot be drained.");
                case PipelineState.Stopped:
                    return;
                default:
                    break;
            }
        }

        RingBuffer.Sequencer.RefuseClaims("the pipeline is draining and stopping");
        DateTime deadline = DateTime.UtcNow + timeout;
        long target;
        do
        {
            // A claim that raced with the refusal may publish after the first target was read: go round until the
            // highest claim stops moving.
            target = RingBuffer.Sequencer.HighestClaimed;
            WaitUntilHandled(target, deadline, timeout);
        }
        while (RingBuffer.Sequencer.HighestClaimed != target);

        RingBuffer.Halt("the pipeline was drained and stopped");
        JoinThreads(s_defaultJoinTimeout);
        lock (_lock)
        {
            ThrowIfFaulted();
            _state = PipelineState.Stopped;
        }

        // A producer that broke the contract and published while the pipeline stopped is told by its Publish;
        // the owner is told here, so such an event is never lost silently.
        long published = RingBuffer.Sequencer.Cursor.Value;
        ValueBatchEventProcessor<T>? behind = _processors.Find(p => p.Sequence.Value < published);
        if (behind is not null)
        {
            throw new InvalidOperationException(
                $"Events up to sequence {published} were claimed or published while the pipeline was stopping, and handler '{behind.Name}' " +
                $"handled only up to {behind.Sequence.Value}: stop every producer before DrainAndStop.");
        }
    }

    /// <summary>
    /// Stops the pipeline now: halts the ring (producers get <see cref="RingHaltedException"/> naming
    /// <paramref name="reason"/>), lets each handler finish its current batch, and joins the threads. Events
    /// published but not yet handled stay unhandled. Halting a stopped or halted pipeline does nothing more.
    /// </summary>
    public void Halt(string reason = "halted by its owner")
    {
        MarkHalted(reason);
        JoinThreads(s_defaultJoinTimeout);
    }

    internal HandlerGroup<T> AddHandlers(Sequence[] upstream, IValueEventHandler<T>[] handlers, IWaitStrategy? waitStrategy = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        if (handlers.Length == 0)
        {
            throw new ArgumentException("Give at least one handler.", nameof(handlers));
        }

        lock (_lock)
        {
            if (_state != PipelineState.Created)
            {
                throw new InvalidOperationException("Handlers (consumers) cannot be added after the pipeline started: declare the whole topology before Start().");
            }

            for (int index = 0; index < handlers.Length; index++)
            {
                IValueEventHandler<T> handler = handlers[index];
                ArgumentNullException.ThrowIfNull(handler, nameof(handlers));
                if (_processors.Exists(p => ReferenceEquals(p.Handler, handler)) ||
                    Array.FindIndex(handlers, other => ReferenceEquals(other, handler)) != index)
                {
                    throw new InvalidOperationException($"Handler '{handler.GetType().Name}' was given more than once (in this call or an earlier one); one handler instance runs on one thread only.");
                }
            }

            var sequences = new Sequence[handlers.Length];
            for (int index = 0; index < handlers.Length; index++)
            {
                SequenceBarrier barrier = waitStrategy is null ? RingBuffer.NewBarrier(upstream) : RingBuffer.NewBarrier(waitStrategy, upstream);
                var processor = new ValueBatchEventProcessor<T>(RingBuffer, barrier, handlers[index], UniqueName(handlers[index]), RecordFault);
                _processors.Add(processor);
                sequences[index] = processor.Sequence;
            }

            foreach (Sequence sequence in upstream)
            {
                _lastSequences.Remove(sequence);
            }

            _lastSequences.AddRange(sequences);
            return new HandlerGroup<T>(this, sequences);
        }
    }

    private void MarkHalted(string reason)
    {
        RingBuffer.Halt(reason);
        lock (_lock)
        {
            if (_state is PipelineState.Created or PipelineState.Running)
            {
                _state = PipelineState.Halted;
            }
        }
    }

    private void WaitUntilHandled(long target, DateTime deadline, TimeSpan timeout)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            ValueBatchEventProcessor<T>? behind = _processors.Find(p => p.Sequence.Value < target);
            if (behind is null)
            {
                return;
            }

            lock (_lock)
            {
                ThrowIfFaulted();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Handler '{behind.Name}' reached sequence {behind.Sequence.Value} of {target} within {timeout.TotalSeconds} s; " +
                    "the pipeline is still running and refuses new claims (call Halt to stop it without draining).");
            }

            spinner.SpinOnce();
        }
    }

    /// <summary>The handler's type name, numbered from the second handler of the same type on
    /// (<c>Summer</c>, <c>Summer#2</c>), so that faults and thread names tell instances apart.</summary>
    private string UniqueName(IValueEventHandler<T> handler)
    {
        string name = handler.GetType().Name;
        int sameType = _processors.Count(p => p.Handler.GetType() == handler.GetType());
        return sameType == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}#{sameType + 1}");
    }

    private void JoinThreads(TimeSpan timeout)
    {
        Thread[] threads;
        lock (_lock)
        {
            threads = [.. _threads];
        }

        foreach (Thread thread in threads)
        {
            if (thread != Thread.CurrentThread && thread.ThreadState != ThreadState.Unstarted && !thread.Join(timeout))
            {
                throw new TimeoutException($"Processor thread '{thread.Name}' did not stop within {timeout.TotalSeconds} s: its handler is stuck inside an event.");
            }
        }
    }

    private void RecordFault(HandlerFault fault)
    {
        lock (_lock)
        {
            _fault ??= fault;
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is not null)
        {
            throw new PipelineFaultedException(_fault);
        }
    }
}
