namespace MiniQuantDesk.Journal.Postgres;

/// <summary>The embedded cluster could not be created, started or stopped; the message carries the tool's output.</summary>
public sealed class EmbeddedPostgresException : Exception
{
    /// <summary>Creates the error.</summary>
    public EmbeddedPostgresException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and cause.</summary>
    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
