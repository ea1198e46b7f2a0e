using MiniQuantDesk.Ring.Processing;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Dsl;

/// <summary>
/// Handlers that were added together and run in parallel, each on its own thread. <see cref="Then(IValueEventHandler{T}[])"/> adds
/// handlers that see an event only after every handler of this group has handled it.
/// </summary>
/// <typeparam name="T">The ring's event struct.</typeparam>
public sealed class HandlerGroup<T>
    where T : struct
{
    private readonly RingPipeline<T> _pipeline;

    internal HandlerGroup(RingPipeline<T> pipeline, Sequence[] sequences)
    {
        _pipeline = pipeline;
        Sequences = sequences;
    }

    /// <summary>The sequences of this group's processors.</summary>
    public IReadOnlyList<Sequence> Sequences { get; }

    /// <summary>Adds handlers, in parallel with each other, that run after every handler of this group.</summary>
    /// <exception cref="InvalidOperationException">The pipeline was already started.</exception>
    public HandlerGroup<T> Then(params IValueEventHandler<T>[] handlers) =>
        _pipeline.AddHandlers([.. Sequences], handlers);

    /// <summary>Adds handlers after this group that wait with <paramref name="waitStrategy"/> rather than the ring's
    /// (a consumer off the latency path, such as a journal, can sleep instead of yielding a core away).</summary>
    /// <exception cref="InvalidOperationException">The pipeline was already started.</exception>
    /// <exception cref="ArgumentException">A blocking strategy other than the ring's: producers signal only the ring's.</exception>
    public HandlerGroup<T> Then(IWaitStrategy waitStrategy, params IValueEventHandler<T>[] handlers) =>
        _pipeline.AddHandlers([.. Sequences], handlers, waitStrategy ?? throw new ArgumentNullException(nameof(waitStrategy)));

    /// <summary>Joins this group with <paramref name="other"/>, so that handlers added with <see cref="Then(IValueEventHandler{T}[])"/>
    /// run after both.</summary>
    public HandlerGroup<T> And(HandlerGroup<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other._pipeline, _pipeline))
        {
            throw new ArgumentException("Handler groups of different pipelines cannot be joined.", nameof(other));
        }

        return new HandlerGroup<T>(_pipeline, [.. Sequences, .. other.Sequences]);
    }
}
