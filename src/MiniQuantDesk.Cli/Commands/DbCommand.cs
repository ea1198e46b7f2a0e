using System.CommandLine;
using System.Globalization;
using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using Npgsql;

namespace MiniQuantDesk.Cli.Commands;

/// <summary><c>mqd db migrate</c> and <c>mqd db status</c>: the journal's schema.</summary>
internal static class DbCommand
{
    /// <summary>Where the embedded cluster keeps its data when MQK_DATABASE_URL is not set, so status sees what migrate did.</summary>
    public static readonly string EmbeddedDataDirectory = Path.Combine(".mqd", "pgdata");

    private static readonly string s_databaseHelp =
        $"Works against {DatabaseLocator.DatabaseUrlVariable} (postgres://user:password@host:port/database or an Npgsql " +
        $"connection string) when it is set; otherwise it starts an embedded PostgreSQL from the machine's server binaries " +
        $"with its data in ./{EmbeddedDataDirectory.Replace('\\', '/')}, and stops it on exit.";

    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply the pending schema migrations in order, each in its own transaction; refuse if an applied one changed");
        migrate.SetAction(_ => Guard(Migrate));

        var status = new Command("status", "List the applied migrations (checked against the shipped files) and the pending ones; exit 1 if an applied one changed");
        status.SetAction(_ => Guard(Status));

        return new Command("db", "The journal database (PostgreSQL): schema migrations and their status. " + s_databaseHelp)
        {
            migrate,
            status,
        };
    }

    private static int Migrate(LocatedDatabase database)
    {
        var runner = new MigrationRunner(database.ConnectionString);
        IReadOnlyList<Migration> applied = runner.Migrate();
        foreach (Migration migration in applied)
        {
            Console.WriteLine($"applied  {Label(migration.Version, migration.Name)}");
        }

        Console.WriteLine(applied.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"nothing to apply; the database is up to date ({runner.Migrations.Count} shipped)")
            : string.Create(CultureInfo.InvariantCulture, $"{applied.Count} applied; the database is up to date"));
        return 0;
    }

    private static int Status(LocatedDatabase database)
    {
        MigrationStatus status = new MigrationRunner(database.ConnectionString).Status();
        foreach (AppliedMigration applied in status.Applied)
        {
            string note = applied.Check switch
            {
                AppliedMigrationCheck.Changed => "  CHANGED after it was applied: migrate will refuse",
                AppliedMigrationCheck.Unknown => "  UNKNOWN to this mqd (migrated by a newer version)",
                _ => string.Empty,
            };
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"applied  {Label(applied.Version, applied.Name)}  {applied.AppliedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}  sha256 {applied.Checksum[..12]}{note}"));
        }

        foreach (Migration pending in status.Pending)
        {
            Console.WriteLine($"pending  {Label(pending.Version, pending.Name)}");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{status.Applied.Count} applied, {status.Pending.Count} pending{(status.Consistent ? string.Empty : "; the applied migrations do not match this mqd's files")}"));
        return status.Consistent ? 0 : CommandFailure.Failed;
    }

    private static string Label(int version, string name) => string.Create(CultureInfo.InvariantCulture, $"{version:D4}_{name}");

    /// <summary>Locates the database, runs <paramref name="work"/> against it, stops an embedded cluster after.</summary>
    private static int Guard(Func<LocatedDatabase, int> work)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseLocator.DatabaseUrlVariable)))
            {
                Console.Error.WriteLine($"starting embedded PostgreSQL in ./{EmbeddedDataDirectory.Replace('\\', '/')} ...");
            }

            var options = new EmbeddedPostgresOptions { DataDirectory = Path.GetFullPath(EmbeddedDataDirectory) };
            using LocatedDatabase database = DatabaseLocator.LocateAsync(options).GetAwaiter().GetResult();
            Console.WriteLine($"database: {database.Description}");
            return work(database);
        }
        catch (Exception exception) when (exception is PostgresBinariesNotFoundException or EmbeddedPostgresException or MigrationRefusedException or FormatException or NpgsqlException)
        {
            CommandFailure.WriteError(exception.Message);
            return CommandFailure.Failed;
        }
    }
}
