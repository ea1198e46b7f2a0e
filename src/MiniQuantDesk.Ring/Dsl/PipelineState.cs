namespace MiniQuantDesk.Ring.Dsl;

/// <summary>Where a <see cref="RingPipeline{T}"/> is in its life. Every state after
/// <see cref="Running"/> is final.</summary>
public enum PipelineState
{
    /// <summary>Handlers may be added; nothing runs yet.</summary>
    Created,

    /// <summary>Every processor thread runs; producers may publish.</summary>
    Running,

    /// <summary>Drained and stopped: every published event was handled by every handler.</summary>
    Stopped,

    /// <summary>Halted by its owner; events published but not yet handled were not handled.</summary>
    Halted,

    /// <summary>A handler threw; see <see cref="RingPipeline{T}.Fault"/>.</summary>
    Faulted,
}
