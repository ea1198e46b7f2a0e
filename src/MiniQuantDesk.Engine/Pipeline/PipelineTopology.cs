namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>How the business-logic stages are laid out on threads.</summary>
public enum PipelineTopology : byte
{
    /// <summary>All four stages run in sequence on one thread, per event: no hand-off between cores (the default).</summary>
    Fused = 0,

    /// <summary>Each stage on its own thread, chained by sequence barriers: integrity → strategy → risk → gateway.</summary>
    Staged = 1,
}
