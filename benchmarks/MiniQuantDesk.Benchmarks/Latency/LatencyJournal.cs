using MiniQuantDesk.Benchmarks.Engine;
using MiniQuantDesk.Benchmarks.Journal;
using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Postgres;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>
/// The journal of the tick-to-decision scenario with the journal on: an embedded, durable PostgreSQL of its own, a
/// migrated database, a run, and the writer that follows the business logic on its own thread. Disposing stops the
/// server and deletes its data folder.
/// </summary>
internal sealed class LatencyJournal : IDisposable
{
    private readonly EmbeddedPostgres _server;

    private LatencyJournal(EmbeddedPostgres server, JournalWriter writer, long runNumber)
    {
        _server = server;
        Writer = writer;
        RunNumber = runNumber;
    }

    /// <summary>The writer, to place downstream of the business logic.</summary>
    public JournalWriter Writer { get; }

    /// <summary>The run's number: the engine's run id.</summary>
    public long RunNumber { get; }

    /// <summary>Starts the server and makes the run and its writer.</summary>
    public static LatencyJournal Start()
    {
        EmbeddedPostgres server = EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions()).GetAwaiter().GetResult();
        try
        {
            string database = server.CreateDatabaseAsync("latency_journal").GetAwaiter().GetResult();
            new MigrationRunner(database).Migrate();
            var runId = Guid.NewGuid();
            long runNumber = BenchmarkRun.Create(database, runId, "PAPER");

            var writer = new JournalWriter(new JournalWriterOptions
            {
                ConnectionString = database,
                RunId = runId,
                RunNumber = runNumber,
                EngineId = EngineBench.EngineId,
                SymbolName = static _ => "SPY",
            });
            return new LatencyJournal(server, writer, runNumber);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Writer.Dispose();
        _server.Dispose();
    }
}
