using System.Globalization;
using System.Text;
using Npgsql;

namespace MiniQuantDesk.Journal.Migrations;

/// <summary>
/// Applies the SQL migrations to a database in version order, each in its own transaction, recording each in
/// <c>schema_migrations(version, name, checksum, applied_at)</c>. Idempotent: what is applied is skipped. A session
/// advisory lock serialises concurrent migrators, so two processes migrating at once apply each migration once.
/// </summary>
public sealed class MigrationRunner
{
    /// <summary>
    /// The advisory lock key every migrator takes (the ASCII of "mqdmigr", so it is recognisable in pg_locks).
    /// </summary>
    public const long AdvisoryLockKey = 0x6d71646d696772;

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY CHECK (version > 0),
            name       text        NOT NULL CHECK (name <> ''),
            checksum   text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
            applied_at timestamptz NOT NULL
        )
        """;

    private readonly string _connectionString;

    /// <summary>A runner for the migrations this program ships.</summary>
    public MigrationRunner(string connectionString)
        : this(connectionString, MigrationCatalog.Embedded)
    {
    }

    /// <summary>A runner for the given migrations (tests use this to present an edited file).</summary>
    public MigrationRunner(string connectionString, IEnumerable<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = connectionString;
        Migrations = MigrationCatalog.Ordered(migrations);
    }

    /// <summary>The migrations this runner applies, in version order.</summary>
    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>
    /// Applies every pending migration, in order, each in its own transaction.
    /// </summary>
    /// <returns>The migrations applied by this call (empty when the database was up to date).</returns>
    /// <exception cref="MigrationRefusedException">An applied migration changed or is unknown; nothing was applied.</exception>
    public IReadOnlyList<Migration> Migrate()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        Execute(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey.ToString(CultureInfo.InvariantCulture)})");
        try
        {
            Execute(connection, null, CreateHistoryTable);
            MigrationStatus status = ReadStatus(connection);
            if (!status.Consistent)
            {
                throw new MigrationRefusedException(DescribeProblems(status));
            }

            var applied = new List<Migration>();
            foreach (Migration migration in status.Pending)
            {
                Apply(connection, migration);
                applied.Add(migration);
            }

            return applied;
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                Execute(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey.ToString(CultureInfo.InvariantCulture)})");
            }
        }
    }

    /// <summary>Which migrations are applied (each checked against the shipped file) and which are pending.</summary>
    public MigrationStatus Status()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return ReadStatus(connection);
    }

    private MigrationStatus ReadStatus(NpgsqlConnection connection)
    {
        var rows = new List<(int Version, string Name, string Checksum, DateTimeOffset AppliedAt)>();
        using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection))
        {
            if (exists.ExecuteScalar() is true)
            {
                using var select = new NpgsqlCommand("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version", connection);
                using NpgsqlDataReader reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
                }
            }
        }

        var applied = new List<AppliedMigration>(rows.Count);
        var appliedVersions = new HashSet<int>();
        foreach ((int version, string name, string checksum, DateTimeOffset appliedAt) in rows)
        {
            Migration? shipped = Migrations.FirstOrDefault(migration => migration.Version == version);
            AppliedMigrationCheck check = shipped is null
                ? AppliedMigrationCheck.Unknown
                : string.Equals(shipped.Checksum, checksum, StringComparison.Ordinal) ? AppliedMigrationCheck.Matches : AppliedMigrationCheck.Changed;
            applied.Add(new AppliedMigration(version, name, checksum, appliedAt, check));
            appliedVersions.Add(version);
        }

        return new MigrationStatus(applied, [.. Migrations.Where(migration => !appliedVersions.Contains(migration.Version))]);
    }

    private string DescribeProblems(MigrationStatus status)
    {
        var message = new StringBuilder("migrations refused, nothing applied:");
        foreach (AppliedMigration applied in status.Applied)
        {
            string version = applied.Version.ToString("D4", CultureInfo.InvariantCulture);
            if (applied.Check == AppliedMigrationCheck.Changed)
            {
                Migration shipped = Migrations.First(migration => migration.Version == applied.Version);
                message.Append(CultureInfo.InvariantCulture, $"\n  {shipped.File} changed after it was applied (applied sha256 {applied.Checksum}, file now {shipped.Checksum}); ")
                    .Append("an applied migration is never edited: restore the file and put the change in a new migration");
            }
            else if (applied.Check == AppliedMigrationCheck.Unknown)
            {
                message.Append(CultureInfo.InvariantCulture, $"\n  the database has migration {version}_{applied.Name}, which this program does not ship; ")
                    .Append("it was migrated by a newer mqd: use that version");
            }
        }

        return message.ToString();
    }

    private static void Apply(NpgsqlConnection connection, Migration migration)
    {
        using NpgsqlTransaction transaction = connection.BeginTransaction();
        try
        {
            Execute(connection, transaction, migration.Sql);
        }
        catch (PostgresException exception)
        {
            throw new MigrationRefusedException($"{migration.File} failed and was rolled back: {exception.MessageText} ({exception.SqlState})", exception);
        }

        using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
