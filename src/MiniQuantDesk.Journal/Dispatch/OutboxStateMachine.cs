namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>
/// The legal moves of an outbox row. The dispatcher checks every state it writes against this table before it
/// writes it, and every database update is guarded on the state it moves from, so the table and the rows agree.
/// <code>
/// PENDING ─claim─▶ CLAIMED ─request taken─▶ SENT ─broker ack─▶ ACKED
///    ▲                │  │                    │
///    └─stale, no send─┘  ├─rejected / not sent─▶ FAILED
///                        └─outcome unknown────┴─▶ AMBIGUOUS ─operator─▶ ACKED | FAILED
/// </code>
/// Everything else is illegal: a row never goes back to PENDING once a send started, and ACKED and FAILED are final.
/// </summary>
public static class OutboxStateMachine
{
    /// <summary>True when a row in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsLegal(OutboxState from, OutboxState to) => (from, to) switch
    {
        (OutboxState.Pending, OutboxState.Claimed) => true,
        (OutboxState.Claimed, OutboxState.Pending) => true,
        (OutboxState.Claimed, OutboxState.Sent) => true,
        (OutboxState.Claimed, OutboxState.Failed) => true,
        (OutboxState.Claimed, OutboxState.Ambiguous) => true,
        (OutboxState.Sent, OutboxState.Acked) => true,
        (OutboxState.Sent, OutboxState.Ambiguous) => true,

        // Only an operator, having asked the broker, settles an ambiguous row.
        (OutboxState.Ambiguous, OutboxState.Acked) => true,
        (OutboxState.Ambiguous, OutboxState.Failed) => true,
        _ => false,
    };

    /// <summary>True for the states a row never leaves.</summary>
    public static bool IsTerminal(OutboxState state) => state is OutboxState.Acked or OutboxState.Failed;

    /// <summary>Returns <paramref name="to"/> when the move is legal.</summary>
    /// <exception cref="IllegalOutboxTransitionException">The move is not legal.</exception>
    public static OutboxState Move(OutboxState from, OutboxState to) =>
        IsLegal(from, to) ? to : throw new IllegalOutboxTransitionException(from, to);

    /// <summary>The database spelling (<c>outbox.state</c>).</summary>
    public static string ToText(OutboxState state) => state switch
    {
        OutboxState.Pending => "PENDING",
        OutboxState.Claimed => "CLAIMED",
        OutboxState.Sent => "SENT",
        OutboxState.Acked => "ACKED",
        OutboxState.Failed => "FAILED",
        OutboxState.Ambiguous => "AMBIGUOUS",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not an outbox state"),
    };

    /// <summary>Reads the database spelling.</summary>
    /// <exception cref="FormatException">The text is not an outbox state.</exception>
    public static OutboxState Parse(string text) => text switch
    {
        "PENDING" => OutboxState.Pending,
        "CLAIMED" => OutboxState.Claimed,
        "SENT" => OutboxState.Sent,
        "ACKED" => OutboxState.Acked,
        "FAILED" => OutboxState.Failed,
        "AMBIGUOUS" => OutboxState.Ambiguous,
        _ => throw new FormatException($"'{text}' is not an outbox state (PENDING, CLAIMED, SENT, ACKED, FAILED, AMBIGUOUS)"),
    };
}
