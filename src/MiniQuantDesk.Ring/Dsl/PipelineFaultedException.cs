using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Ring.Dsl;

/// <summary>Thrown by <see cref="RingPipeline{T}.DrainAndStop"/> when a handler fault halted the pipeline, so the
/// published events can never all be handled.</summary>
public sealed class PipelineFaultedException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="fault"/>.</summary>
    public PipelineFaultedException(HandlerFault fault)
        : base($"The pipeline halted because {fault}", fault?.Exception)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Fault = fault;
    }

    /// <summary>The handler, sequence and exception that halted the pipeline.</summary>
    public HandlerFault Fault { get; }
}
