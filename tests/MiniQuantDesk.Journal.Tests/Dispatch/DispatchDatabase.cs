using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Tests.Support;

namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>
/// A migrated database of its own for one dispatcher test: a dispatcher claims every PENDING row it can see, so
/// tests that shared one would take each other's rows.
/// </summary>
public static class DispatchDatabase
{
    public static async Task<OutboxTable> CreateAsync(PostgresCluster cluster, string purpose)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        string connectionString = await cluster.FreshMigratedDatabaseAsync(purpose);
        return new OutboxTable(connectionString);
    }
}
