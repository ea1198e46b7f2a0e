namespace MiniQuantDesk.Journal.Runs;

/// <summary>
/// Where a run is in its life: <see cref="Created"/> → <see cref="Armed"/> → <see cref="Running"/> →
/// <see cref="Stopped"/>, with <see cref="Halted"/> reachable from any state and left only by an operator clear
/// (see <see cref="RunLifecycle"/>). Stored as the upper-case name in <c>runs.state</c>.
/// </summary>
public enum RunState
{
    /// <summary>Registered; may not trade.</summary>
    Created,

    /// <summary>Armed by an operator; may start.</summary>
    Armed,

    /// <summary>Trading; its heartbeat keeps the deadman away.</summary>
    Running,

    /// <summary>Ended normally (or after a cleared halt). Terminal for arm and start.</summary>
    Stopped,

    /// <summary>Stopped by a fault or an operator, with a reason. Sticky: only an operator clear leaves it.</summary>
    Halted,
}
