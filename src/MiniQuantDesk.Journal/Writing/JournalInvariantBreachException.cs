namespace MiniQuantDesk.Journal.Writing;

/// <summary>
/// What the engine decided contradicts what the journal already holds, or breaks a constraint of the schema: a fill
/// the engine applied is already in the inbox, an acknowledgement maps an order to another broker order than the one
/// on record, an event belongs to another engine or run than the writer's. Nothing of the batch is committed and the
/// writer stops for good (fail closed): a person must find out how engine and journal came apart.
/// </summary>
public sealed class JournalInvariantBreachException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalInvariantBreachException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalInvariantBreachException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public JournalInvariantBreachException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
