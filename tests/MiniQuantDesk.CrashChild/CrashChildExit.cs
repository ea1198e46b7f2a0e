namespace MiniQuantDesk.CrashChild;

/// <summary>The child's exit codes: the crash tests tell a refusal to start apart from a failure by them.</summary>
public enum CrashChildExit
{
    /// <summary>Told to stop, and stopped cleanly.</summary>
    Stopped = 0,

    /// <summary>Something failed (the reason is on standard error): fail closed, never carry on.</summary>
    Failed = 1,

    /// <summary>The arguments were wrong.</summary>
    Usage = 2,

    /// <summary>The engine has submits with an unknown broker outcome: it refused to start until an operator resolves them.</summary>
    Quarantined = 3,

    /// <summary>The new run could not be armed (the engine has a HALTED run an operator has to clear first).</summary>
    ArmRefused = 4,

    /// <summary>The engine halted while it restored from the journal or caught up with the broker's events: it and
    /// the journal (or the broker) disagree, so it was never armed.</summary>
    RestoreHalted = 5,
}
