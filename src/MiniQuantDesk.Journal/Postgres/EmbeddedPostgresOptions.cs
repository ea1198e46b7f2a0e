namespace MiniQuantDesk.Journal.Postgres;

/// <summary>How to run an <see cref="EmbeddedPostgres"/> cluster.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>
    /// The cluster's data folder. Null: a new folder under the temp path, deleted on dispose. A given folder is kept
    /// and reused on the next start (initdb runs only when it holds no cluster yet).
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// False turns off fsync, synchronous commit and full-page writes: much faster, and a crash may lose data. Only
    /// for tests, whose clusters are thrown away.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>Folders to look for initdb and pg_ctl in; null: <see cref="PostgresBinaries.DefaultSearchDirectories"/>.</summary>
    public IReadOnlyList<string>? SearchDirectories { get; init; }

    /// <summary>How long pg_ctl may wait for the server to start or stop.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The options the tests use: a throw-away cluster without fsync.</summary>
    public static EmbeddedPostgresOptions ForTests { get; } = new() { Durable = false };
}
