using MiniQuantDesk.Engine.Numerics;
using Npgsql;

namespace MiniQuantDesk.CrashChild;

/// <summary>
/// The engine's portfolio as the child held it in memory once it had restored from the journal and caught up with
/// the broker's events, written to <c>crash_child.portfolio_snapshots</c> (committed) so the crash tests can compare
/// it with the broker's truth: one row per symbol the engine trades (flat ones too), each with the engine's cash.
/// </summary>
public static class PortfolioSnapshots
{
    /// <summary>Creates the table when it is missing.</summary>
    public const string CreateSql = """
        CREATE SCHEMA IF NOT EXISTS crash_child;
        CREATE TABLE IF NOT EXISTS crash_child.portfolio_snapshots (
            run            bigint      NOT NULL,
            symbol         text        NOT NULL,
            position       bigint      NOT NULL,
            cash_micros    bigint      NOT NULL,
            taken_at_event bigint      NOT NULL,
            taken_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (run, symbol));
        """;

    /// <summary>Writes, in one transaction, run <paramref name="runNumber"/>'s snapshot taken when the engine had
    /// decided every broker event up to <paramref name="takenAtEvent"/>.</summary>
    public static async Task WriteAsync(
        string connectionString, long runNumber, IReadOnlyDictionary<string, long> positions, Money cash, long takenAtEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(positions);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = new NpgsqlCommand(CreateSql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach ((string symbol, long position) in positions)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO crash_child.portfolio_snapshots (run, symbol, position, cash_micros, taken_at_event) VALUES ($1, $2, $3, $4, $5)",
                connection,
                transaction);
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = runNumber });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = symbol });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cash.Micros });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = takenAtEvent });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
