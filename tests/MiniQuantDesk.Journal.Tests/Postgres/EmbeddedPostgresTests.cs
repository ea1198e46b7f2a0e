using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using MiniQuantDesk.Journal.Tests.Support;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class EmbeddedPostgresTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "mqd-journal-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Fact]
    public async Task Missing_binaries_give_an_error_naming_the_package_to_install_and_MQK_DATABASE_URL()
    {
        Directory.CreateDirectory(_scratch);
        var options = new EmbeddedPostgresOptions { SearchDirectories = [_scratch] };

        PostgresBinariesNotFoundException missing = await Assert.ThrowsAsync<PostgresBinariesNotFoundException>(() => EmbeddedPostgres.StartAsync(options));

        Assert.Contains("apt-get install postgresql", missing.Message, StringComparison.Ordinal);
        Assert.Contains("MQK_DATABASE_URL", missing.Message, StringComparison.Ordinal);
        Assert.Contains(_scratch, missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binaries_are_taken_from_the_first_folder_holding_both_initdb_and_pg_ctl()
    {
        string onlyInitDb = Path.Combine(_scratch, "a");
        string both = Path.Combine(_scratch, "b");
        string later = Path.Combine(_scratch, "c");
        foreach ((string folder, string[] programs) in new[] { (onlyInitDb, new[] { "initdb" }), (both, ["initdb", "pg_ctl"]), (later, ["initdb", "pg_ctl"]) })
        {
            Directory.CreateDirectory(folder);
            foreach (string program in programs)
            {
                File.WriteAllText(Path.Combine(folder, program), string.Empty);
            }
        }

        PostgresBinaries found = PostgresBinaries.Locate([onlyInitDb, both, later]);

        Assert.Equal(both, found.Directory);
    }

    [Fact]
    public async Task The_shared_cluster_listens_on_loopback_only_without_fsync()
    {
        await using var connection = new NpgsqlConnection(cluster.Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT host(inet_server_addr()), current_setting('listen_addresses'), current_setting('unix_socket_directories'), current_setting('fsync')", connection);
        await using NpgsqlDataReader row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());

        Assert.Equal("127.0.0.1", row.GetString(0));
        Assert.Equal("127.0.0.1", row.GetString(1));
        Assert.Equal(string.Empty, row.GetString(2));
        Assert.Equal("off", row.GetString(3));
        Assert.Equal(cluster.Server.Port, new NpgsqlConnectionStringBuilder(cluster.Server.ConnectionString).Port);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_data_folder_the_server_user_cannot_reach_is_refused_naming_the_folder_and_the_ways_out()
    {
        // Only root hands the server to another OS user; anyone else runs it as themselves, and a folder of their own
        // is always reachable: then the same folder must simply work.
        string closed = Path.Combine(_scratch, "closed");
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(closed, "pgdata"), Durable = false };
        if (!Environment.IsPrivilegedProcess)
        {
            await using EmbeddedPostgres server = await EmbeddedPostgres.StartAsync(options);
            Assert.True(File.Exists(Path.Combine(closed, "pgdata", "PG_VERSION")));
            return;
        }

        EmbeddedPostgresException refused = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options));

        Assert.Contains($"cannot enter {closed}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod o+x {closed}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("MQK_DATABASE_URL", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(closed, "pgdata", "PG_VERSION")));
    }

    [Fact]
    public async Task A_cluster_in_a_given_data_folder_keeps_its_databases_across_restarts()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_scratch, "pgdata"), Durable = false };
        await using (EmbeddedPostgres first = await EmbeddedPostgres.StartAsync(options))
        {
            new MigrationRunner(first.ConnectionString).Migrate();
        }

        Assert.True(File.Exists(Path.Combine(_scratch, "pgdata", "PG_VERSION")));
        await using EmbeddedPostgres second = await EmbeddedPostgres.StartAsync(options);
        MigrationStatus status = new MigrationRunner(second.ConnectionString).Status();

        Assert.True(status.UpToDate);
        Assert.Equal(MigrationCatalog.Embedded.Count, status.Applied.Count);
    }

    [Fact]
    public async Task A_server_left_running_on_a_kept_data_folder_is_replaced_by_the_next_start()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_scratch, "orphaned"), Durable = false };
        EmbeddedPostgres orphaned = await EmbeddedPostgres.StartAsync(options);

        await using (EmbeddedPostgres next = await EmbeddedPostgres.StartAsync(options))
        {
            await using var connection = new NpgsqlConnection(next.ConnectionString);
            await connection.OpenAsync();
            // postmaster.pid's fourth line is the running server's port: the new server's, not the orphan's.
            string[] pidFile = await File.ReadAllLinesAsync(Path.Combine(next.DataDirectory, "postmaster.pid"));
            Assert.Equal(next.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), pidFile[3]);
        }

        await orphaned.DisposeAsync();
        Assert.False(File.Exists(Path.Combine(_scratch, "orphaned", "postmaster.pid")));
    }

    [Fact]
    public async Task A_temporary_cluster_stops_and_deletes_its_data_folder_on_dispose()
    {
        EmbeddedPostgres server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.ForTests);
        string dataDirectory = server.DataDirectory;
        string connectionString = server.ConnectionString;
        Assert.True(Directory.Exists(dataDirectory));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(dataDirectory));
        await using var connection = new NpgsqlConnection(connectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    [Fact]
    public async Task A_database_name_that_is_not_a_plain_identifier_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => cluster.Server.CreateDatabaseAsync("x\"; DROP DATABASE postgres; --"));
    }
}
