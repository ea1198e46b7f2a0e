namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>A move between two outbox states that <see cref="OutboxStateMachine"/> does not allow.</summary>
public sealed class IllegalOutboxTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for the refused move.</summary>
    public IllegalOutboxTransitionException(OutboxState from, OutboxState to)
        : base($"ILLEGAL_OUTBOX_TRANSITION: an outbox row cannot go from {OutboxStateMachine.ToText(from)} to {OutboxStateMachine.ToText(to)}")
    {
        From = from;
        To = to;
    }

    /// <summary>Creates the exception with a message only (serialization and tooling use).</summary>
    public IllegalOutboxTransitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IllegalOutboxTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IllegalOutboxTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The state the row was in.</summary>
    public OutboxState From { get; }

    /// <summary>The state the move asked for.</summary>
    public OutboxState To { get; }
}
