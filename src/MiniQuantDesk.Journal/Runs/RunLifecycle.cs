namespace MiniQuantDesk.Journal.Runs;

/// <summary>
/// The run state machine, pure: CREATED → ARMED → RUNNING → STOPPED; HALTED from any other state and sticky, left
/// only by an operator clear (to STOPPED). A run that was created or armed but should not go on may be stopped
/// directly, so that an armed run never has to be halted just to release its engine. Every other transition is
/// refused with a reason naming the current state and what is allowed from it.
/// </summary>
public static class RunLifecycle
{
    private static readonly RunTransition[] s_all = Enum.GetValues<RunTransition>();

    /// <summary>Decides <paramref name="transition"/> from <paramref name="current"/>.</summary>
    public static RunTransitionOutcome Apply(RunState current, RunTransition transition)
    {
        RunState? next = Target(current, transition);
        return next is { } to
            ? new RunTransitionOutcome(current, transition, true, to, null)
            : new RunTransitionOutcome(current, transition, false, current, Refusal(current, transition));
    }

    /// <summary>The transitions legal from <paramref name="state"/>, in declaration order.</summary>
    public static IReadOnlyList<RunTransition> AllowedFrom(RunState state) =>
        [.. s_all.Where(transition => Target(state, transition) is not null)];

    /// <summary>True for the states in which a run holds its engine (ARMED and RUNNING).</summary>
    public static bool IsActive(RunState state) => state is RunState.Armed or RunState.Running;

    /// <summary>The verb an operator types for <paramref name="transition"/> (<c>mqd run VERB</c>).</summary>
    public static string Verb(RunTransition transition) => transition switch
    {
        RunTransition.Arm => "arm",
        RunTransition.Start => "start",
        RunTransition.Stop => "stop",
        RunTransition.Halt => "halt",
        RunTransition.ClearHalt => "clear",
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, "not a run transition"),
    };

    private static RunState? Target(RunState current, RunTransition transition) => (current, transition) switch
    {
        (RunState.Created, RunTransition.Arm) => RunState.Armed,
        (RunState.Armed, RunTransition.Start) => RunState.Running,
        (RunState.Created or RunState.Armed or RunState.Running, RunTransition.Stop) => RunState.Stopped,
        (not RunState.Halted, RunTransition.Halt) => RunState.Halted,
        (RunState.Halted, RunTransition.ClearHalt) => RunState.Stopped,
        _ => null,
    };

    private static string Refusal(RunState current, RunTransition transition)
    {
        string state = RunText.Of(current);
        string allowed = string.Join(", ", AllowedFrom(current).Select(Verb));
        return current == RunState.Halted
            ? $"cannot {Verb(transition)} a run that is HALTED: a halt is sticky and only an operator clear (mqd run clear RUN --note TEXT) takes it to STOPPED"
            : $"cannot {Verb(transition)} a run that is {state}; from {state} only {allowed} {(AllowedFrom(current).Count == 1 ? "is" : "are")} allowed";
    }
}
