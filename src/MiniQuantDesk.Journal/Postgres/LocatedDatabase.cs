namespace MiniQuantDesk.Journal.Postgres;

/// <summary>
/// The database the program works against, and where it came from. Disposing it stops the embedded cluster when
/// one was started for it; a server named by <c>MQK_DATABASE_URL</c> is left alone.
/// </summary>
public sealed class LocatedDatabase : IAsyncDisposable, IDisposable
{
    internal LocatedDatabase(string connectionString, string description, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        Description = description;
        Embedded = embedded;
    }

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>One line for the user: which server, without any password.</summary>
    public string Description { get; }

    /// <summary>The embedded cluster started for this database, or null when it came from MQK_DATABASE_URL.</summary>
    public EmbeddedPostgres? Embedded { get; }

    /// <summary>Stops the embedded cluster, if any.</summary>
    public ValueTask DisposeAsync() => Embedded?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Stops the embedded cluster, if any, blocking.</summary>
    public void Dispose() => Embedded?.Dispose();
}
