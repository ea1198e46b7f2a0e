using Npgsql;

namespace MiniQuantDesk.Benchmarks.Journal;

/// <summary>The run a journal benchmark writes under: a row in <c>runs</c> for engine 1, numbered by the database.</summary>
internal static class BenchmarkRun
{
    /// <summary>Creates run <paramref name="runId"/> in <paramref name="mode"/> and returns its run number.</summary>
    public static long Create(string database, Guid runId, string mode)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES ($1, '1', $2, 'CREATED', '1990-01-01T00:00:00Z') RETURNING run_number",
            connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = runId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mode });
        return (long)command.ExecuteScalar()!;
    }
}
