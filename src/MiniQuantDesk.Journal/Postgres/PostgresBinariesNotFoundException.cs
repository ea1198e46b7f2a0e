namespace MiniQuantDesk.Journal.Postgres;

/// <summary>
/// No PostgreSQL server binaries were found for the embedded cluster. The message says what to install and names
/// the <c>MQK_DATABASE_URL</c> alternative.
/// </summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    /// <summary>Creates the error for the folders that were searched.</summary>
    public PostgresBinariesNotFoundException(IReadOnlyList<string> searchedDirectories)
        : base(Describe(searchedDirectories))
    {
        SearchedDirectories = searchedDirectories;
    }

    /// <summary>Creates the error with a message of the caller's.</summary>
    public PostgresBinariesNotFoundException()
        : this([])
    {
    }

    /// <summary>Creates the error with a message of the caller's.</summary>
    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
        SearchedDirectories = [];
    }

    /// <summary>Creates the error with a message and a cause of the caller's.</summary>
    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        SearchedDirectories = [];
    }

    /// <summary>The folders that were searched for initdb and pg_ctl.</summary>
    public IReadOnlyList<string> SearchedDirectories { get; }

    private static string Describe(IReadOnlyList<string> searchedDirectories) =>
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under " +
        $"{PostgresBinaries.DebianVersionsRoot}/*/bin (searched: {(searchedDirectories.Count == 0 ? "nothing" : string.Join(", ", searchedDirectories))}). " +
        "Install them (Debian/Ubuntu: sudo apt-get install postgresql), or set " +
        $"{DatabaseLocator.DatabaseUrlVariable} to an existing server, e.g. " +
        $"{DatabaseLocator.DatabaseUrlVariable}=postgres://user:password@localhost:5432/mqd";
}
