using System.Diagnostics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>
/// A decision observer (<see cref="TradingPipelineOptions.DecisionObservers"/>): on the business-logic thread, right
/// after the gateway decided an event, it stamps the time into a slot per ring position. The producer reads the
/// stamp once <see cref="TradingPipeline.DecidedThrough"/> reaches the event (the processor's ordered sequence write
/// publishes the stamp), so a sample ends when the decision is made, not when the producer gets round to seeing it.
/// Allocates nothing per event.
/// </summary>
internal sealed class DecisionProbe(int ringSize) : IValueEventHandler<PipelineEvent>
{
    private readonly long[] _decidedAt = new long[ringSize];
    private readonly long _mask = ringSize - 1;

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch) =>
        _decidedAt[sequence & _mask] = Stopwatch.GetTimestamp();

    /// <summary>When <paramref name="sequence"/> was decided; read it after <c>DecidedThrough</c> reached it and before
    /// the ring wraps onto its slot.</summary>
    public long DecidedAt(long sequence) => _decidedAt[sequence & _mask];
}
