using MiniQuantDesk.Journal.Dispatch;
using Npgsql;

namespace MiniQuantDesk.CrashChild;

/// <summary>
/// A witness at the broker's door: every submit is written to <c>crash_child.submits</c> (committed) before it is
/// passed to the broker, so the crash tests can count, independently of the dispatcher's own bookkeeping, how often
/// each client order id was sent. A kill between the write and the send counts a send that never left: the count
/// errs towards "sent", which is the safe side for a law that says "at most once".
/// </summary>
public sealed class SubmitLog : IOrderSubmitter, IAsyncDisposable
{
    /// <summary>Creates the log's table when it is missing.</summary>
    public const string CreateSql = """
        CREATE SCHEMA IF NOT EXISTS crash_child;
        CREATE TABLE IF NOT EXISTS crash_child.submits (
            id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            client_order_id text        NOT NULL,
            attempt         integer     NOT NULL,
            process_id      integer     NOT NULL,
            logged_at       timestamptz NOT NULL DEFAULT clock_timestamp());
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IOrderSubmitter _broker;

    private SubmitLog(NpgsqlDataSource dataSource, IOrderSubmitter broker)
    {
        _dataSource = dataSource;
        _broker = broker;
    }

    /// <summary>Opens the log in the database of <paramref name="connectionString"/>, in front of <paramref name="broker"/>.</summary>
    public static async Task<SubmitLog> OpenAsync(string connectionString, IOrderSubmitter broker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using NpgsqlCommand create = dataSource.CreateCommand(CreateSql);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new SubmitLog(dataSource, broker);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Logs the submit (committed), then passes it to the broker.</summary>
    public async ValueTask<SubmitOutcome> SubmitAsync(OutboxOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await using (NpgsqlCommand log = _dataSource.CreateCommand("INSERT INTO crash_child.submits (client_order_id, attempt, process_id) VALUES ($1, $2, $3)"))
        {
            log.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.ClientOrderId });
            log.Parameters.Add(new NpgsqlParameter<int> { TypedValue = order.Attempt });
            log.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Environment.ProcessId });
            await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _broker.SubmitAsync(order, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the log's connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
