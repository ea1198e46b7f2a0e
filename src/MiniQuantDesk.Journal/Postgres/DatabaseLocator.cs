using System.Globalization;
using Npgsql;

namespace MiniQuantDesk.Journal.Postgres;

/// <summary>
/// Finds the database: the server named by <c>MQK_DATABASE_URL</c> when it is set, otherwise an embedded cluster
/// started from the machine's PostgreSQL binaries.
/// </summary>
public static class DatabaseLocator
{
    /// <summary>The environment variable that names an existing PostgreSQL server.</summary>
    public const string DatabaseUrlVariable = "MQK_DATABASE_URL";

    /// <summary>Locates the database from this process's environment.</summary>
    public static Task<LocatedDatabase> LocateAsync(EmbeddedPostgresOptions embeddedOptions, CancellationToken cancellationToken = default) =>
        LocateAsync(Environment.GetEnvironmentVariable(DatabaseUrlVariable), embeddedOptions, cancellationToken);

    /// <summary>
    /// Locates the database: <paramref name="databaseUrl"/> when it is set (a URL or a connection string, see
    /// <see cref="DatabaseUrl"/>), else an embedded cluster started with <paramref name="embeddedOptions"/>.
    /// </summary>
    public static async Task<LocatedDatabase> LocateAsync(string? databaseUrl, EmbeddedPostgresOptions embeddedOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddedOptions);
        if (!string.IsNullOrWhiteSpace(databaseUrl))
        {
            string connectionString = DatabaseUrl.ToConnectionString(databaseUrl);
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            string where = string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}");
            return new LocatedDatabase(connectionString, $"PostgreSQL from {DatabaseUrlVariable} ({where})", embedded: null);
        }

        EmbeddedPostgres embedded = await EmbeddedPostgres.StartAsync(embeddedOptions, cancellationToken).ConfigureAwait(false);
        string description = string.Create(
            CultureInfo.InvariantCulture,
            $"embedded PostgreSQL {embedded.Version} on 127.0.0.1:{embedded.Port}, data folder {embedded.DataDirectory} ({DatabaseUrlVariable} is not set)");
        return new LocatedDatabase(embedded.ConnectionString, description, embedded);
    }
}
