using System.Globalization;
using MiniQuantDesk.Journal.Postgres;

namespace MiniQuantDesk.Cli.Tests.Run;

/// <summary>
/// An embedded PostgreSQL for the <c>mqd run</c> tests (one per test class: its start costs seconds), with one empty
/// database that <c>mqd run</c> migrates itself, named to <c>mqd</c> through <c>MQK_DATABASE_URL</c> as a user would.
/// </summary>
public sealed class RunDatabase : IAsyncLifetime
{
    private EmbeddedPostgres? _server;

    /// <summary>The value for MQK_DATABASE_URL: a postgres:// URL to the test database.</summary>
    public string Url { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.ForTests);
        await _server.CreateDatabaseAsync("cli_runs");
        Url = string.Create(CultureInfo.InvariantCulture, $"postgres://{EmbeddedPostgres.Superuser}@127.0.0.1:{_server.Port}/cli_runs");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
