using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Recovery;
using MiniQuantDesk.Journal.Tests.Support;
using MiniQuantDesk.Journal.Tests.Writing;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Journal.Tests.Recovery;

/// <summary>
/// An order's time in force is journaled with it and restored from the row: the outbox payload says it
/// (<c>time_in_force</c>), a restore gives the order exactly that, a row from before the field is read as good till
/// canceled (what the gateway made every order then), and a field that spells no time in force is refused by name.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TimeInForceRecoveryTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_outbox_payload_carries_the_time_in_force_and_a_restore_gives_the_order_that_one()
    {
        string database = await JournaledOrderAsync();
        Assert.Equal(["GTC"], JournalRig.Rows(database, "SELECT payload->>'time_in_force' FROM outbox"));

        // A row that says DAY (as a day order of another producer would) restores as a day order.
        JournalRig.Rows(database, "UPDATE outbox SET payload = jsonb_set(payload, '{time_in_force}', '\"DAY\"') RETURNING id::text");
        TradingPipeline restored = await RestoredAsync(database);

        Assert.Equal([TimeInForce.Day], restored.Gateway.BookAt(0).Orders.Orders.ToArray().Select(order => order.TimeInForce));
    }

    [Fact]
    public async Task A_row_written_before_the_time_in_force_was_journaled_restores_as_good_till_canceled()
    {
        string database = await JournaledOrderAsync();
        JournalRig.Rows(database, "UPDATE outbox SET payload = payload - 'time_in_force' RETURNING id::text");

        TradingPipeline restored = await RestoredAsync(database);

        Assert.Equal([TimeInForce.GoodTillCanceled], restored.Gateway.BookAt(0).Orders.Orders.ToArray().Select(order => order.TimeInForce));
    }

    [Fact]
    public async Task A_time_in_force_the_journal_does_not_know_is_refused_with_its_row_and_field()
    {
        string database = await JournaledOrderAsync();
        JournalRig.Rows(database, "UPDATE outbox SET payload = jsonb_set(payload, '{time_in_force}', '\"WEEK\"') RETURNING id::text");
        (_, long runNumber) = JournalRig.CreateRun(database);
        TradingPipeline pipeline = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, 100), PipelineDriver.Polled);

        RecoveryException refused = await Assert.ThrowsAsync<RecoveryException>(
            () => RecoveryRig.Recovery(database).RestoreAsync(pipeline, JournalRig.Engine, CancellationToken.None));

        Assert.Equal("outbox", refused.Table);
        Assert.Equal("payload.time_in_force", refused.Field);
        Assert.Contains("WEEK", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A database whose journal holds one unanswered order of run 1.</summary>
    private async Task<string> JournaledOrderAsync()
    {
        string database = await cluster.FreshMigratedDatabaseAsync("timeinforce");
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        TradingPipeline pipeline = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, 100), PipelineDriver.Polled, writer);
        JournalRig.Arm(pipeline);
        pipeline.PublishBar(JournalRig.Engine, JournalRig.DailyBar(0, 100 * Micros.PerUnit));
        pipeline.Poll();
        Assert.Null(writer.Failure);
        return database;
    }

    private static async Task<TradingPipeline> RestoredAsync(string database)
    {
        (_, long runNumber) = JournalRig.CreateRun(database);
        TradingPipeline pipeline = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, 100), PipelineDriver.Polled);
        RecoveryResult result = await RecoveryRig.Recovery(database).RestoreAsync(pipeline, JournalRig.Engine, CancellationToken.None);
        Assert.False(result.Halted, result.Halt.Describe());
        return pipeline;
    }
}
