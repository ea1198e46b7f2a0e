using System.Collections.Concurrent;
using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using Xunit;

namespace MiniQuantDesk.TestSupport;

/// <summary>
/// One embedded PostgreSQL cluster for the whole test assembly (its start costs seconds), with one fresh database per
/// test class, created on first use.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new(StringComparer.Ordinal);
    private EmbeddedPostgres? _server;
    private int _fresh;

    /// <summary>The running cluster.</summary>
    public EmbeddedPostgres Server => _server ?? throw new InvalidOperationException("the cluster has not started");

    /// <summary>Starts the cluster (fsync off: tests need no durability across a power cut).</summary>
    public async Task InitializeAsync() => _server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.ForTests);

    /// <summary>Stops the cluster and deletes its data folder.</summary>
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>
    /// The test class's own database with the shipped migrations applied (created once per class); returns its
    /// connection string.
    /// </summary>
    public Task<string> MigratedDatabaseForAsync(Type testClass) =>
        _databases.GetOrAdd(testClass.Name, name => new Lazy<Task<string>>(async () =>
        {
            string database = await Server.CreateDatabaseAsync(name.ToLowerInvariant());
            new MigrationRunner(database).Migrate();
            return database;
        })).Value;

    /// <summary>A new database with the shipped migrations applied, for a test that needs one to itself; returns its
    /// connection string.</summary>
    public async Task<string> FreshMigratedDatabaseAsync(string purpose)
    {
        string database = await FreshDatabaseAsync(purpose);
        new MigrationRunner(database).Migrate();
        return database;
    }

    /// <summary>A new empty database, for a test that needs one to itself.</summary>
    public Task<string> FreshDatabaseAsync(string purpose) =>
        Server.CreateDatabaseAsync($"{purpose}_{Interlocked.Increment(ref _fresh)}");
}
