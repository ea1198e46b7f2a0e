using MiniQuantDesk.Brokers.Paper;
using Npgsql;

namespace MiniQuantDesk.Brokers.Tests.Support;

/// <summary>Opens paper brokers on databases of the shared cluster.</summary>
internal static class PaperDatabase
{
    /// <summary>A broker on a fresh, empty database of its own.</summary>
    public static async Task<(PaperBroker Broker, string ConnectionString)> FreshAsync(PostgresCluster cluster, string purpose, PaperBrokerOptions? options = null)
    {
        string database = await cluster.FreshDatabaseAsync(purpose);
        return (await PaperBroker.OpenAsync(database, options), database);
    }

    /// <summary>Empties the broker's tables and restarts its counters (property cases each start from nothing).</summary>
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "TRUNCATE paper_broker.events, paper_broker.orders, paper_broker.prices; " +
            "UPDATE paper_broker.account SET next_order_number = 1, next_event_id = 1, next_fill_number = 1",
            connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
