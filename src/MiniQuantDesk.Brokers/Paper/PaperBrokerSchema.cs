using System.Globalization;
using System.Reflection;
using System.Text;
using MiniQuantDesk.Journal.Migrations;
using Npgsql;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>
/// Creates and upgrades the paper broker's own schema, <c>paper_broker</c>, from the scripts embedded as
/// <c>Paper/Sql/NNNN_name.sql</c>: each applied once, in order, in its own transaction, recorded with its SHA-256 in
/// <c>paper_broker.schema_migrations</c>. A script changed after it was applied is refused, as the journal's migrations
/// are. Its history is its own (the journal's <see cref="MigrationRunner"/> keeps one fixed history table), so the two
/// schemas can be numbered and upgraded independently in one database.
/// </summary>
public static class PaperBrokerSchema
{
    /// <summary>The schema the paper broker keeps its state in.</summary>
    public const string SchemaName = "paper_broker";

    /// <summary>
    /// The advisory lock key every paper-broker setup takes (the ASCII of "paperbk"), so two processes setting the
    /// schema up at once apply each script once. It differs from <see cref="MigrationRunner.AdvisoryLockKey"/>.
    /// </summary>
    public const long AdvisoryLockKey = 0x7061706572626b;

    private const string ResourcePrefix = "Paper/Sql/";

    private const string CreateHistory = """
        CREATE SCHEMA IF NOT EXISTS paper_broker;
        CREATE TABLE IF NOT EXISTS paper_broker.schema_migrations (
            version    integer     PRIMARY KEY CHECK (version > 0),
            name       text        NOT NULL CHECK (name <> ''),
            checksum   text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
            applied_at timestamptz NOT NULL
        )
        """;

    private static readonly Lazy<IReadOnlyList<Migration>> s_scripts = new(LoadScripts);

    /// <summary>The embedded scripts, in version order.</summary>
    public static IReadOnlyList<Migration> Scripts => s_scripts.Value;

    /// <summary>Applies every pending script; does nothing when the schema is up to date.</summary>
    /// <returns>The scripts this call applied.</returns>
    /// <exception cref="MigrationRefusedException">An applied script changed, or the schema has one this program does
    /// not ship; nothing was applied.</exception>
    public static async Task<IReadOnlyList<Migration>> EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        string key = AdvisoryLockKey.ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({key})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, CreateHistory, cancellationToken).ConfigureAwait(false);
            Dictionary<int, (string Name, string Checksum)> applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
            string? problems = DescribeProblems(applied);
            if (problems is not null)
            {
                throw new MigrationRefusedException(problems);
            }

            var done = new List<Migration>();
            foreach (Migration script in Scripts.Where(script => !applied.ContainsKey(script.Version)))
            {
                await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false);
                done.Add(script);
            }

            return done;
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({key})", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var select = new NpgsqlCommand("SELECT version, name, checksum FROM paper_broker.schema_migrations ORDER BY version", connection);
        await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied.Add(reader.GetInt32(0), (reader.GetString(1), reader.GetString(2)));
        }

        return applied;
    }

    private static string? DescribeProblems(Dictionary<int, (string Name, string Checksum)> applied)
    {
        var message = new StringBuilder("paper broker schema setup refused, nothing applied:");
        bool found = false;
        foreach ((int version, (string name, string checksum)) in applied.OrderBy(entry => entry.Key))
        {
            Migration? shipped = Scripts.FirstOrDefault(script => script.Version == version);
            if (shipped is null)
            {
                found = true;
                message.Append(CultureInfo.InvariantCulture, $"\n  the database has paper broker script {version:D4}_{name}, which this program does not ship; it was set up by a newer mqd: use that version");
            }
            else if (!string.Equals(shipped.Checksum, checksum, StringComparison.Ordinal))
            {
                found = true;
                message.Append(CultureInfo.InvariantCulture, $"\n  {shipped.File} changed after it was applied (applied sha256 {checksum}, file now {shipped.Checksum}); an applied script is never edited: restore it and put the change in a new script");
            }
        }

        return found ? message.ToString() : null;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration script, CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception)
        {
            throw new MigrationRefusedException($"{script.File} failed and was rolled back: {exception.MessageText} ({exception.SqlState})", exception);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO paper_broker.schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<Migration> LoadScripts()
    {
        Assembly assembly = typeof(PaperBrokerSchema).Assembly;
        var scripts = new List<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            string fileName = resource[ResourcePrefix.Length..];
            int underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore != 4 || !fileName.EndsWith(".sql", StringComparison.Ordinal)
                || !int.TryParse(fileName.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int version))
            {
                throw new InvalidOperationException($"{resource}: a paper broker script is named NNNN_name.sql");
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"{resource}: embedded resource missing");
            using var reader = new StreamReader(stream);
            scripts.Add(new Migration(version, fileName[(underscore + 1)..^4], resource, reader.ReadToEnd()));
        }

        return MigrationCatalog.Ordered(scripts);
    }
}
