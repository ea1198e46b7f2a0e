namespace MiniQuantDesk.Crash.Tests.Support;

/// <summary>How a child's start ended: it runs, or it exited with a code (and said why on its output).</summary>
internal readonly record struct ChildStart(bool Running, int ExitCode)
{
    /// <summary>The child refused to start because the engine is quarantined (its exit code 3).</summary>
    public bool Quarantined => !Running && ExitCode == 3;

    /// <summary>The child could not arm its run because the engine has a HALTED run (its exit code 4).</summary>
    public bool ArmRefused => !Running && ExitCode == 4;

    /// <summary>The engine halted while restoring from the journal or catching up with the broker (its exit code 5):
    /// the journal, the broker and the engine disagree.</summary>
    public bool RestoreHalted => !Running && ExitCode == 5;

    public override string ToString() => Running ? "running" : $"exited with code {ExitCode}{(RestoreHalted ? " (halted while restoring)" : string.Empty)}";
}
