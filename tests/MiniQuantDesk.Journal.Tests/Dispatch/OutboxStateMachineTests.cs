using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>The outbox state machine: its table, and laws over random sequences of moves.</summary>
public sealed class OutboxStateMachineTests
{
    private static readonly HashSet<(OutboxState, OutboxState)> s_legal =
    [
        (OutboxState.Pending, OutboxState.Claimed),
        (OutboxState.Claimed, OutboxState.Pending),
        (OutboxState.Claimed, OutboxState.Sent),
        (OutboxState.Claimed, OutboxState.Failed),
        (OutboxState.Claimed, OutboxState.Ambiguous),
        (OutboxState.Sent, OutboxState.Acked),
        (OutboxState.Sent, OutboxState.Ambiguous),
        (OutboxState.Ambiguous, OutboxState.Acked),
        (OutboxState.Ambiguous, OutboxState.Failed),
    ];

    private static readonly OutboxState[] s_states = Enum.GetValues<OutboxState>();

    [Fact]
    public void Exactly_the_documented_moves_are_legal_and_every_other_move_is_refused()
    {
        foreach (OutboxState from in s_states)
        {
            foreach (OutboxState to in s_states)
            {
                bool legal = s_legal.Contains((from, to));
                Assert.Equal(legal, OutboxStateMachine.IsLegal(from, to));
                if (!legal)
                {
                    IllegalOutboxTransitionException refused = Assert.Throws<IllegalOutboxTransitionException>(() => OutboxStateMachine.Move(from, to));
                    Assert.Equal((from, to), (refused.From, refused.To));
                }
            }
        }
    }

    [Fact]
    public void Every_state_reads_back_from_its_database_spelling_and_nothing_else_reads()
    {
        Assert.All(s_states, state => Assert.Equal(state, OutboxStateMachine.Parse(OutboxStateMachine.ToText(state))));
        Assert.Throws<FormatException>(() => OutboxStateMachine.Parse("pending"));
    }

    [Fact]
    public void Any_sequence_of_attempted_moves_leaves_a_row_only_where_legal_moves_lead_and_never_pending_after_a_send()
    {
        Arbitrary<OutboxState[]> attempts = Gen.Elements(s_states).ArrayOf().ToArbitrary();
        Prop.ForAll(attempts, sequence =>
        {
            OutboxState state = OutboxState.Pending;
            bool sendMayHaveHappened = false;
            foreach (OutboxState target in sequence)
            {
                OutboxState before = state;
                try
                {
                    state = OutboxStateMachine.Move(state, target);
                }
                catch (IllegalOutboxTransitionException)
                {
                    // A refused move changes nothing.
                }

                if (!s_legal.Contains((before, state)) && before != state)
                {
                    return false;
                }

                if (OutboxStateMachine.IsTerminal(before) && state != before)
                {
                    return false;
                }

                sendMayHaveHappened |= state is OutboxState.Sent or OutboxState.Acked or OutboxState.Ambiguous;
                if (sendMayHaveHappened && state is OutboxState.Pending or OutboxState.Claimed)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
