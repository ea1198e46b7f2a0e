using MiniQuantDesk.Journal.Migrations;
using MiniQuantDesk.Journal.Tests.Support;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class MigrationRunnerTests(PostgresCluster cluster)
{
    [Fact]
    public void The_shipped_migrations_are_numbered_from_one_without_gaps()
    {
        IReadOnlyList<Migration> shipped = MigrationCatalog.Embedded;

        Assert.NotEmpty(shipped);
        Assert.Equal(Enumerable.Range(1, shipped.Count), shipped.Select(migration => migration.Version));
        Assert.All(shipped, migration => Assert.StartsWith("Migrations/Sql/", migration.File, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_applies_every_migration_and_a_second_migrate_applies_none()
    {
        var runner = new MigrationRunner(await cluster.FreshDatabaseAsync("migrate_twice"));

        IReadOnlyList<Migration> first = runner.Migrate();
        IReadOnlyList<Migration> second = runner.Migrate();

        Assert.Equal(MigrationCatalog.Embedded.Select(migration => migration.Version), first.Select(migration => migration.Version));
        Assert.Empty(second);
        Assert.True(runner.Status().UpToDate);
    }

    [Fact]
    public async Task Status_lists_every_migration_pending_before_migrate_and_applied_after()
    {
        var runner = new MigrationRunner(await cluster.FreshDatabaseAsync("status"));

        MigrationStatus before = runner.Status();
        runner.Migrate();
        MigrationStatus after = runner.Status();

        Assert.Empty(before.Applied);
        Assert.Equal(runner.Migrations, before.Pending);
        Assert.Empty(after.Pending);
        Assert.Equal(runner.Migrations.Select(migration => (migration.Version, migration.Name, migration.Checksum)),
            after.Applied.Select(applied => (applied.Version, applied.Name, applied.Checksum)));
        Assert.All(after.Applied, applied => Assert.Equal(AppliedMigrationCheck.Matches, applied.Check));
    }

    [Fact]
    public async Task Only_the_migrations_added_since_the_last_migrate_are_applied_in_order()
    {
        string database = await cluster.FreshDatabaseAsync("incremental");
        Migration first = new(1, "create_a", "Migrations/Sql/0001_create_a.sql", "CREATE TABLE a (id int)");
        Migration second = new(2, "create_b", "Migrations/Sql/0002_create_b.sql", "CREATE TABLE b (a_id int)");
        Migration third = new(3, "alter_b", "Migrations/Sql/0003_alter_b.sql", "ALTER TABLE b ADD COLUMN note text");
        new MigrationRunner(database, [first]).Migrate();

        IReadOnlyList<Migration> applied = new MigrationRunner(database, [third, first, second]).Migrate();

        Assert.Equal([2, 3], applied.Select(migration => migration.Version));
    }

    [Fact]
    public async Task A_migration_changed_after_it_was_applied_is_refused_naming_its_file()
    {
        string database = await cluster.FreshDatabaseAsync("changed");
        Migration original = new(1, "create_a", "Migrations/Sql/0001_create_a.sql", "CREATE TABLE a (id int)");
        Migration edited = new(1, "create_a", "Migrations/Sql/0001_create_a.sql", "CREATE TABLE a (id bigint)");
        Migration next = new(2, "create_b", "Migrations/Sql/0002_create_b.sql", "CREATE TABLE b (id int)");
        new MigrationRunner(database, [original]).Migrate();
        var runner = new MigrationRunner(database, [edited, next]);

        MigrationRefusedException refused = Assert.Throws<MigrationRefusedException>(() => runner.Migrate());

        Assert.Contains("Migrations/Sql/0001_create_a.sql changed after it was applied", refused.Message, StringComparison.Ordinal);
        Assert.Contains(original.Checksum, refused.Message, StringComparison.Ordinal);
        MigrationStatus status = runner.Status();
        Assert.Equal(AppliedMigrationCheck.Changed, Assert.Single(status.Applied).Check);
        Assert.Equal(2, Assert.Single(status.Pending).Version);
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_program_is_refused()
    {
        string database = await cluster.FreshDatabaseAsync("newer");
        Migration first = new(1, "create_a", "Migrations/Sql/0001_create_a.sql", "CREATE TABLE a (id int)");
        Migration second = new(2, "create_b", "Migrations/Sql/0002_create_b.sql", "CREATE TABLE b (id int)");
        new MigrationRunner(database, [first, second]).Migrate();

        MigrationRefusedException refused = Assert.Throws<MigrationRefusedException>(() => new MigrationRunner(database, [first]).Migrate());

        Assert.Contains("0002_create_b", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole_and_not_recorded()
    {
        string database = await cluster.FreshDatabaseAsync("failing");
        Migration broken = new(1, "half", "Migrations/Sql/0001_half.sql", "CREATE TABLE half (id int); SELECT 1/0;");
        var runner = new MigrationRunner(database, [broken]);

        MigrationRefusedException refused = Assert.Throws<MigrationRefusedException>(() => runner.Migrate());

        Assert.Contains("Migrations/Sql/0001_half.sql", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(runner.Status().Pending).Version);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('half') IS NOT NULL", connection);
        Assert.Equal(false, await exists.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_processes_migrating_at_once_apply_each_migration_once()
    {
        string database = await cluster.FreshDatabaseAsync("concurrent");
        using var bothReady = new Barrier(2);

        IReadOnlyList<Migration>[] results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var runner = new MigrationRunner(database);
            bothReady.SignalAndWait();
            return runner.Migrate();
        })));

        Assert.Equal(MigrationCatalog.Embedded.Count, results.Sum(applied => applied.Count));
        Assert.True(new MigrationRunner(database).Status().UpToDate);
    }
}
