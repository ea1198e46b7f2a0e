using System.Globalization;
using MiniQuantDesk.Benchmarks.Engine;
using MiniQuantDesk.Benchmarks.Journal;
using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>
/// The journal of the tick-to-decision scenario with the journal on: an embedded, durable PostgreSQL of its own and a
/// migrated database, and for each round a run and the writer that follows the business logic on its own thread.
/// Disposing stops the server and deletes its data folder.
/// </summary>
internal sealed class LatencyJournal : IDisposable
{
    private readonly EmbeddedPostgres _server;
    private readonly string _database;

    private LatencyJournal(EmbeddedPostgres server, string database)
    {
        _server = server;
        _database = database;
    }

    /// <summary>Starts the server and migrates its database.</summary>
    public static LatencyJournal Start()
    {
        EmbeddedPostgres server = EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions()).GetAwaiter().GetResult();
        try
        {
            string database = server.CreateDatabaseAsync("latency_journal").GetAwaiter().GetResult();
            new MigrationRunner(database).Migrate();
            return new LatencyJournal(server, database);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Makes a new run and its writer, to place downstream of the business logic; the run's number (the
    /// engine's run id) comes out in <paramref name="runNumber"/>.</summary>
    public JournalWriter CreateWriter(out long runNumber)
    {
        var runId = Guid.NewGuid();
        long run = BenchmarkRun.Create(_database, runId, "PAPER");
        runNumber = run;
        return new JournalWriter(new JournalWriterOptions
        {
            // Each round's broker numbers its orders from 1 again: the run number keeps broker ids unique per database.
            BrokerIdText = (_, handle) => string.Create(CultureInfo.InvariantCulture, $"R{run}-{handle}"),
            ConnectionString = _database,
            RunId = runId,
            RunNumber = runNumber,
            EngineId = EngineBench.EngineId,
            SymbolName = static _ => "SPY",
        });
    }

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();
}
