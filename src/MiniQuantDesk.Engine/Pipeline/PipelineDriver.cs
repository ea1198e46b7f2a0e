namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>Which threads run the handlers.</summary>
public enum PipelineDriver : byte
{
    /// <summary>Each processor on a thread of its own, waiting with the configured wait strategy (live).</summary>
    Threaded = 0,

    /// <summary>The caller's thread runs every handler when it polls (replay and backtest: single-threaded and
    /// deterministic, no hand-off). Fused topology only.</summary>
    Polled = 1,
}
