namespace MiniQuantDesk.Journal.Runs;

/// <summary>What <see cref="RunLifecycle.Apply"/> decided for one transition.</summary>
/// <param name="From">The state the run was in.</param>
/// <param name="Transition">The transition asked for.</param>
/// <param name="Allowed">True when the transition is legal from <paramref name="From"/>.</param>
/// <param name="To">The state after the transition; <paramref name="From"/> when refused.</param>
/// <param name="Refusal">Why it was refused, naming the current state and what is allowed; null when allowed.</param>
public readonly record struct RunTransitionOutcome(RunState From, RunTransition Transition, bool Allowed, RunState To, string? Refusal);
