using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Journal.Runs;

namespace MiniQuantDesk.Journal.Tests.Runs;

/// <summary>The run state machine on its own: its scenarios and its laws over random command sequences.</summary>
public sealed class RunLifecycleTests
{
    private static readonly RunTransition[] s_transitions = Enum.GetValues<RunTransition>();
    private static readonly RunState[] s_states = Enum.GetValues<RunState>();

    private static readonly Arbitrary<RunTransition[]> s_sequences =
        Gen.ListOf(Gen.Elements(s_transitions)).Select(list => list.ToArray()).ToArbitrary();

    [Fact]
    public void A_run_goes_created_armed_running_stopped()
    {
        RunState state = RunState.Created;
        foreach ((RunTransition transition, RunState expected) in (ReadOnlySpan<(RunTransition, RunState)>)[
            (RunTransition.Arm, RunState.Armed), (RunTransition.Start, RunState.Running), (RunTransition.Stop, RunState.Stopped)])
        {
            RunTransitionOutcome outcome = RunLifecycle.Apply(state, transition);
            Assert.True(outcome.Allowed, outcome.Refusal);
            Assert.Equal(expected, outcome.To);
            state = outcome.To;
        }
    }

    [Theory]
    [InlineData(RunState.Created)]
    [InlineData(RunState.Armed)]
    [InlineData(RunState.Running)]
    [InlineData(RunState.Stopped)]
    public void Halt_is_allowed_from_every_state_but_halted(RunState from)
    {
        RunTransitionOutcome outcome = RunLifecycle.Apply(from, RunTransition.Halt);

        Assert.True(outcome.Allowed);
        Assert.Equal(RunState.Halted, outcome.To);
    }

    [Fact]
    public void Halted_is_left_only_by_an_operator_clear_which_leads_to_stopped()
    {
        foreach (RunTransition transition in s_transitions.Where(t => t != RunTransition.ClearHalt))
        {
            RunTransitionOutcome refused = RunLifecycle.Apply(RunState.Halted, transition);
            Assert.False(refused.Allowed);
            Assert.Equal(RunState.Halted, refused.To);
            Assert.Contains("HALTED", refused.Refusal, StringComparison.Ordinal);
            Assert.Contains("mqd run clear", refused.Refusal, StringComparison.Ordinal);
        }

        RunTransitionOutcome cleared = RunLifecycle.Apply(RunState.Halted, RunTransition.ClearHalt);
        Assert.True(cleared.Allowed);
        Assert.Equal(RunState.Stopped, cleared.To);
    }

    [Fact]
    public void Every_refusal_names_the_current_state_and_every_allowed_transition()
    {
        foreach (RunState state in s_states.Where(s => s != RunState.Halted))
        {
            foreach (RunTransition transition in s_transitions)
            {
                RunTransitionOutcome outcome = RunLifecycle.Apply(state, transition);
                if (outcome.Allowed)
                {
                    continue;
                }

                Assert.Contains($"is {RunText.Of(state)}", outcome.Refusal, StringComparison.Ordinal);
                Assert.Contains($"cannot {RunLifecycle.Verb(transition)}", outcome.Refusal, StringComparison.Ordinal);
                foreach (RunTransition allowed in RunLifecycle.AllowedFrom(state))
                {
                    Assert.Contains(RunLifecycle.Verb(allowed), outcome.Refusal, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Clear_is_refused_for_a_run_that_is_not_halted()
    {
        foreach (RunState state in s_states.Where(s => s != RunState.Halted))
        {
            Assert.False(RunLifecycle.Apply(state, RunTransition.ClearHalt).Allowed);
        }
    }

    [Fact]
    public void Halted_is_never_left_except_by_clear_in_any_command_sequence()
    {
        Prop.ForAll(s_sequences, sequence =>
        {
            RunState state = RunState.Created;
            foreach (RunTransition transition in sequence)
            {
                RunTransitionOutcome outcome = RunLifecycle.Apply(state, transition);
                if (state == RunState.Halted && outcome.To != RunState.Halted && transition != RunTransition.ClearHalt)
                {
                    return false;
                }

                state = outcome.To;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Stopped_and_halted_are_terminal_for_arm_and_start_in_any_command_sequence()
    {
        Prop.ForAll(s_sequences, sequence =>
        {
            RunState state = RunState.Created;
            bool ended = false;
            foreach (RunTransition transition in sequence)
            {
                RunTransitionOutcome outcome = RunLifecycle.Apply(state, transition);
                if (ended && transition is RunTransition.Arm or RunTransition.Start && outcome.Allowed)
                {
                    return false;
                }

                state = outcome.To;
                ended |= state is RunState.Stopped or RunState.Halted;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_run_only_moves_forward_and_a_refusal_changes_nothing_in_any_command_sequence()
    {
        // Forward: CREATED < ARMED < RUNNING < STOPPED; HALTED sits beside them and returns only to STOPPED.
        static int Rank(RunState state) => state switch
        {
            RunState.Created => 0,
            RunState.Armed => 1,
            RunState.Running => 2,
            _ => 3,
        };

        Prop.ForAll(s_sequences, sequence =>
        {
            RunState state = RunState.Created;
            foreach (RunTransition transition in sequence)
            {
                RunTransitionOutcome outcome = RunLifecycle.Apply(state, transition);
                bool consistent = outcome.Allowed
                    ? outcome.Refusal is null && Rank(outcome.To) >= Rank(state) && RunLifecycle.AllowedFrom(state).Contains(transition)
                    : outcome.To == state && !string.IsNullOrEmpty(outcome.Refusal) && !RunLifecycle.AllowedFrom(state).Contains(transition);
                if (!consistent)
                {
                    return false;
                }

                state = outcome.To;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
