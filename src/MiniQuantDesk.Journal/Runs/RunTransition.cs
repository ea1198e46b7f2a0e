namespace MiniQuantDesk.Journal.Runs;

/// <summary>A request to move a run to another <see cref="RunState"/>; <see cref="RunLifecycle"/> says which are legal.</summary>
public enum RunTransition
{
    /// <summary>CREATED → ARMED: the operator allows the run to trade once started.</summary>
    Arm,

    /// <summary>ARMED → RUNNING.</summary>
    Start,

    /// <summary>CREATED, ARMED or RUNNING → STOPPED: a normal end.</summary>
    Stop,

    /// <summary>Any state but HALTED → HALTED, with a reason.</summary>
    Halt,

    /// <summary>HALTED → STOPPED: only an operator, with a note, takes a run out of HALTED.</summary>
    ClearHalt,
}
