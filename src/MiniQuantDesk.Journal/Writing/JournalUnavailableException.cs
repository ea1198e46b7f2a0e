namespace MiniQuantDesk.Journal.Writing;

/// <summary>
/// The journal could not reach its database or lost it while committing a batch: the batch is not durable (or, when
/// the connection broke during the commit itself, its outcome is unknown) and the writer stops for good. Thrown from
/// the writer's ring handler, it faults the pipeline, so no handler after the journal ever sees the batch. What was
/// committed before stays committed.
/// </summary>
public sealed class JournalUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public JournalUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
