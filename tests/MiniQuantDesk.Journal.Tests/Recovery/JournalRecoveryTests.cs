using MiniQuantDesk.Engine;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Recovery;
using MiniQuantDesk.Journal.Tests.Support;
using MiniQuantDesk.Journal.Tests.Writing;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Journal.Tests.Recovery;

/// <summary>
/// Restoring an engine from the journal at start, against the embedded server: run 1 trades (orders filled, one
/// partly filled, one never answered) and stops; a fresh pipeline for run 2, restored from the journal, holds the
/// same orders, fills, portfolio and account copies, journals nothing of the past again, and trades on under ids
/// that never collide with run 1's.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class JournalRecoveryTests(PostgresCluster cluster)
{
    private static readonly long[] s_steps = [100, 300, 200, 0, -150, 50, 250, 400];
    private static readonly int[] s_fills = [100, 100, 50, 100, 100, 100, 100, -1];

    [Fact]
    public async Task A_restored_engine_has_the_orders_fills_portfolio_and_account_copies_of_the_run_it_restores()
    {
        string database = await OwnDatabaseAsync();
        (TradingPipeline first, _) = RunOne(database);

        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        TradingPipeline second = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, s_steps), PipelineDriver.Polled, writer);
        RecoveryResult result = await RecoveryRig.Recovery(database).RestoreAsync(second, JournalRig.Engine, CancellationToken.None);

        Assert.False(result.Halted, result.Halt.Describe());
        Assert.Equal(RecoveryRig.Picture(first), RecoveryRig.Picture(second));
        Assert.Contains(first.Gateway.BookAt(0).Orders.Orders.ToArray(), order => order.State == OrderState.PendingNew);
        Assert.Contains(first.Gateway.BookAt(0).Orders.Orders.ToArray(), order => order.State == OrderState.PartiallyFilled);
        Assert.Equal(first.Gateway.BookAt(0).Orders.Orders.Length, result.OrdersRestored);
        Assert.Equal(1, result.RunsRead);
        Assert.Equal(JournalRig.Rows(database, "SELECT cursor FROM broker_cursor"), [result.LastCursor!]);
        Assert.Empty(JournalRig.Outbox(database, runId));
        Assert.Empty(JournalRig.Inbox(database, runId));
    }

    [Fact]
    public async Task A_restored_engine_trades_on_under_new_ids_that_never_collide_with_the_restored_ones()
    {
        string database = await OwnDatabaseAsync();
        (TradingPipeline first, _) = RunOne(database);
        int restored = first.Gateway.BookAt(0).Orders.Orders.Length;

        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        var broker = new ReplyingBroker(idBase: 1_000_000);
        TradingPipeline second = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, 500, 100, 600), PipelineDriver.Polled, writer, broker);
        RecoveryResult result = await RecoveryRig.Recovery(database).RestoreAsync(second, JournalRig.Engine, CancellationToken.None);
        Assert.False(result.Halted, result.Halt.Describe());
        JournalRig.Arm(second);
        RecoveryRig.Trade(second, broker, firstBar: 20, bars: 3, 100);

        Engine.Pipeline.Stages.ExecutionBook book = second.Gateway.BookAt(0);
        Assert.Equal(ReasonCode.None, book.Halt.Code);
        Assert.True(book.Orders.Orders.Length > restored, "run 2 should have traded");
        Order[] fresh = book.Orders.Orders[restored..].ToArray();
        Assert.All(fresh, order => Assert.Equal(runNumber, order.ClientOrderId.RunId));
        Assert.Equal(fresh.Length, JournalRig.Outbox(database, runId).Count);
        Assert.Equal(
            [JournalRig.Rows(database, "SELECT count(*)::text FROM outbox")[0]],
            JournalRig.Rows(database, "SELECT count(DISTINCT client_order_id)::text FROM outbox"));

        // The strategy saw its position carried over: its last target, 600, is what the portfolio holds now.
        Assert.Equal(600, book.Portfolio.PositionOf(JournalRig.Symbol).Quantity + WorkingOf(book));
    }

    [Fact]
    public async Task A_fill_of_a_restored_run_delivered_again_after_the_restore_changes_nothing()
    {
        string database = await OwnDatabaseAsync();
        (TradingPipeline first, ReplyingBroker oldBroker) = RunOne(database);

        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        TradingPipeline second = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, s_steps), PipelineDriver.Polled, writer);
        await RecoveryRig.Recovery(database).RestoreAsync(second, JournalRig.Engine, CancellationToken.None);
        List<string> before = RecoveryRig.Picture(second);
        BrokerOrderEvent oldFill = oldBroker.Published.First(message => message.Kind == BrokerEventKind.Fill);
        second.PublishBroker(oldFill with { MessageId = oldFill.MessageId + 5_000_000 });
        second.Poll();

        Assert.Equal(ReasonCode.None, second.Gateway.BookAt(0).Halt.Code);
        Assert.Equal(before, RecoveryRig.Picture(second));
        Assert.Empty(JournalRig.Inbox(database, runId));
        Assert.Equal(RecoveryRig.Picture(first), before);
    }

    [Fact]
    public async Task A_fill_journaled_in_two_runs_is_applied_once_on_restore()
    {
        string database = await OwnDatabaseAsync();
        (TradingPipeline first, _) = RunOne(database);

        // Another run of the engine journaled the same broker fill again (under another message id).
        (Guid copyRun, _) = JournalRig.CreateRun(database);
        JournalRig.Rows(
            database,
            "INSERT INTO inbox (run_id, seq, broker_message_id, broker_fill_id, kind, client_order_id, fill_quantity, fill_price_micros, payload, received_at, applied) " +
            "SELECT $1, seq, broker_message_id || '0000', broker_fill_id, kind, client_order_id, fill_quantity, fill_price_micros, payload, received_at, applied " +
            "FROM inbox WHERE kind = 'FILL' ORDER BY id LIMIT 1 RETURNING id::text",
            copyRun);

        (_, long runNumber) = JournalRig.CreateRun(database);
        TradingPipeline third = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, s_steps), PipelineDriver.Polled);
        RecoveryResult result = await RecoveryRig.Recovery(database).RestoreAsync(third, JournalRig.Engine, CancellationToken.None);

        Assert.False(result.Halted, result.Halt.Describe());
        Assert.Equal(2, result.RunsRead);
        Assert.Equal(RecoveryRig.Picture(first), RecoveryRig.Picture(third));
        Assert.Equal(first.Gateway.BookAt(0).Orders.AppliedMessageCount, third.Gateway.BookAt(0).Orders.AppliedMessageCount);
    }

    [Fact]
    public async Task A_row_with_an_unreadable_client_order_id_is_refused_with_its_table_row_and_field()
    {
        string database = await OwnDatabaseAsync();
        RunOne(database);
        string id = JournalRig.Rows(
            database,
            "INSERT INTO outbox (run_id, client_order_id, engine_id, seq, symbol, side, quantity, payload, state, created_at, updated_at) " +
            "SELECT run_id, 'not-an-order-id', engine_id, seq + 1, symbol, side, quantity, payload, 'PENDING', created_at, updated_at FROM outbox ORDER BY id DESC LIMIT 1 RETURNING id::text")[0];

        (_, long runNumber) = JournalRig.CreateRun(database);
        TradingPipeline second = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, s_steps), PipelineDriver.Polled);
        RecoveryException refused = await Assert.ThrowsAsync<RecoveryException>(
            () => RecoveryRig.Recovery(database).RestoreAsync(second, JournalRig.Engine, CancellationToken.None));

        Assert.Equal("outbox", refused.Table);
        Assert.Equal(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), refused.RowId);
        Assert.Equal("client_order_id", refused.Field);
        Assert.Contains("not-an-order-id", refused.Message, StringComparison.Ordinal);
        Assert.Equal(-1, second.Ring.Cursor);
    }

    [Fact]
    public async Task A_restore_into_a_run_not_after_every_journaled_run_is_refused()
    {
        string database = await OwnDatabaseAsync();
        RunOne(database);
        long oldRun = long.Parse(JournalRig.Rows(database, "SELECT max(run_number)::text FROM runs")[0], System.Globalization.CultureInfo.InvariantCulture);

        TradingPipeline again = JournalRig.Pipeline(RecoveryRig.Spec(oldRun, s_steps), PipelineDriver.Polled);
        RecoveryException refused = await Assert.ThrowsAsync<RecoveryException>(
            () => RecoveryRig.Recovery(database).RestoreAsync(again, JournalRig.Engine, CancellationToken.None));

        Assert.Equal("runs", refused.Table);
        Assert.Equal(oldRun, refused.RowId);
        Assert.Equal(-1, again.Ring.Cursor);
    }

    [Fact]
    public async Task A_journal_the_engine_cannot_take_halts_the_restore_and_says_why()
    {
        string database = await OwnDatabaseAsync();
        RunOne(database);

        // A hand-edited fill for more shares than its order: the engine refuses it as an overfill.
        JournalRig.Rows(database, "UPDATE inbox SET fill_quantity = fill_quantity + 1000 WHERE id = (SELECT min(id) FROM inbox WHERE kind = 'FILL') RETURNING id::text");

        (_, long runNumber) = JournalRig.CreateRun(database);
        TradingPipeline second = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, s_steps), PipelineDriver.Polled);
        RecoveryResult result = await RecoveryRig.Recovery(database).RestoreAsync(second, JournalRig.Engine, CancellationToken.None);

        Assert.True(result.Halted);
        Assert.Equal(ReasonCode.Overfill, result.Halt.Code);
    }

    /// <summary>A migrated database of the test's own: a restore reads every run of the engine, so tests must not
    /// share one.</summary>
    private async Task<string> OwnDatabaseAsync()
    {
        string database = await cluster.FreshMigratedDatabaseAsync("recovery");
        return database;
    }

    /// <summary>Run 1: eight bars, orders filled, one half filled, the last unanswered; then the run stops.</summary>
    private static (TradingPipeline Pipeline, ReplyingBroker Broker) RunOne(string database)
    {
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        var broker = new ReplyingBroker(idBase: 0);
        TradingPipeline pipeline = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, s_steps), PipelineDriver.Polled, writer, broker);
        JournalRig.Arm(pipeline);
        RecoveryRig.Trade(pipeline, broker, firstBar: 0, bars: s_steps.Length, s_fills);
        Assert.Equal(ReasonCode.None, pipeline.Gateway.BookAt(0).Halt.Code);
        Assert.Null(writer.Failure);
        return (pipeline, broker);
    }

    private static long WorkingOf(Engine.Pipeline.Stages.ExecutionBook book)
    {
        long working = 0;
        for (int i = 0; i < book.LiveOrderCount; i++)
        {
            Order order = book.Orders.Get(book.LiveOrderAt(i));
            working += order.Side == Engine.Market.Side.Buy ? order.LeavesQuantity : -order.LeavesQuantity;
        }

        return working;
    }
}
