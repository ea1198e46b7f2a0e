using MiniQuantDesk.Engine;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Journal.Recovery;
using MiniQuantDesk.Journal.Tests.Support;
using MiniQuantDesk.Journal.Tests.Writing;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Journal.Tests.Recovery;

/// <summary>
/// A cancel asked for before the broker acknowledged the order (the order manager queues it) survives a restart: the
/// journal keeps it as a QUEUED row that nothing may send, the restore queues it again, and the ack that arrives after
/// the restart releases the cancel exactly as in an engine that never restarted — and the journal turns the row into
/// the cancel to send, which a later restore replays after the ack without halting.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class QueuedCancelRecoveryTests(PostgresCluster cluster)
{
    private const long Unit = Micros.PerUnit;
    private static readonly RiskLimits s_limits = new() { PatternDayTraderRule = false, MaxDrawdownBasisPoints = 300 };
    private static readonly long[] s_steps = [1_000, 2_000];

    [Fact]
    public async Task A_cancel_queued_before_the_ack_is_released_by_the_ack_after_a_restart_as_without_one()
    {
        string database = await cluster.FreshMigratedDatabaseAsync("queuedcancel");

        // Run 1 (journaled) and an engine that never restarts get the same events: 1000 bought at 100; 1000 more
        // ordered and never acknowledged; then a fall to 60 flattens, which queues the cancel of the unacknowledged buy.
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        var broker = new ReplyingBroker(idBase: 0);
        TradingPipeline crashed = JournalRig.Pipeline(Spec(runNumber), PipelineDriver.Polled, writer, broker);
        var unbrokenLog = new DecisionLog();
        var unbrokenBroker = new ReplyingBroker(idBase: 0);
        TradingPipeline unbroken = JournalRig.Pipeline(Spec(runNumber), PipelineDriver.Polled, unbrokenBroker, unbrokenLog);
        foreach ((TradingPipeline pipeline, ReplyingBroker answering) in new[] { (crashed, broker), (unbroken, unbrokenBroker) })
        {
            JournalRig.Arm(pipeline);
            Bar day0 = Bar(pipeline, 0, 100);
            answering.Answer(pipeline, day0.EndNs + 1_000, 100 * Unit);
            pipeline.Poll();
            Bar(pipeline, 1, 100);
            answering.Answer(pipeline, 0, 0, ack: false);
            Bar(pipeline, 2, 60);
        }

        Order queued = crashed.Gateway.BookAt(0).Orders.Orders.ToArray().Single(order => order.CancelQueued);
        Assert.Equal(ReasonCode.MaxDrawdown, crashed.Gateway.BookAt(0).Halt.Code);
        Assert.Null(writer.Failure);
        Assert.Equal(
            [$"{queued.ClientOrderId} QUEUED null"],
            JournalRig.Rows(database, "SELECT client_order_id || ' ' || state || ' ' || coalesce(target_broker_order_id, 'null') FROM outbox_commands"));

        // Run 2 comes back from the journal with the cancel still queued.
        (Guid secondRun, long secondNumber) = JournalRig.CreateRun(database);
        using JournalWriter secondWriter = JournalRig.Writer(database, secondRun, secondNumber);
        var restoredLog = new DecisionLog();
        TradingPipeline restored = JournalRig.Pipeline(Spec(secondNumber), PipelineDriver.Polled, secondWriter, restoredLog);
        RecoveryResult result = await RecoveryRig.Recovery(database).RestoreAsync(restored, JournalRig.Engine, CancellationToken.None);
        Assert.False(result.Halted, result.Halt.Describe());
        Assert.Equal(RecoveryRig.Picture(unbroken).Where(line => line.StartsWith("order", StringComparison.Ordinal)), RecoveryRig.Picture(restored).Where(line => line.StartsWith("order", StringComparison.Ordinal)));

        // The ack arrives after the restart: both release the cancel to the broker's order.
        var ack = new BrokerOrderEvent
        {
            Kind = BrokerEventKind.Ack,
            ClientOrderId = queued.ClientOrderId,
            BrokerOrderId = new BrokerOrderId(500_001),
            MessageId = 500_001,
            EventTimeNs = JournalRig.DailyBar(2, 60 * Unit).EndNs + 5_000,
        };
        foreach (TradingPipeline pipeline in new[] { unbroken, restored })
        {
            pipeline.PublishBroker(in ack);
            pipeline.Poll();
        }

        Assert.Equal("Cancel Buy 1000 approved", unbrokenLog.Last);
        Assert.Equal(unbrokenLog.Last, restoredLog.Last);
        Assert.Equal(unbroken.Gateway.BookAt(0).Orders.Get(queued.Id), restored.Gateway.BookAt(0).Orders.Get(queued.Id));
        Assert.Null(secondWriter.Failure);
        Assert.Equal(
            [$"{queued.ClientOrderId} PENDING 500001 {secondRun}"],
            JournalRig.Rows(database, "SELECT client_order_id || ' ' || state || ' ' || coalesce(target_broker_order_id, 'null') || ' ' || run_id FROM outbox_commands"));

        // A later restart replays the released cancel after its ack: the order is pending cancel, nothing halts.
        (_, long thirdNumber) = JournalRig.CreateRun(database);
        TradingPipeline third = JournalRig.Pipeline(Spec(thirdNumber), PipelineDriver.Polled);
        RecoveryResult again = await RecoveryRig.Recovery(database).RestoreAsync(third, JournalRig.Engine, CancellationToken.None);
        Assert.False(again.Halted, again.Halt.Describe());
        Assert.Equal(OrderState.PendingCancel, third.Gateway.BookAt(0).Orders.Get(queued.Id).State);
    }

    [Fact]
    public async Task A_queued_cancel_row_cannot_be_sent_without_a_target_or_be_anything_but_a_cancel()
    {
        string database = await cluster.FreshMigratedDatabaseAsync("queuedcheck");
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using (JournalWriter writer = JournalRig.Writer(database, runId, runNumber))
        {
            TradingPipeline pipeline = JournalRig.Pipeline(Spec(runNumber), PipelineDriver.Polled, writer);
            JournalRig.Arm(pipeline);
            Bar(pipeline, 0, 100);
            Assert.Null(writer.Failure);
        }

        const string Insert =
            "INSERT INTO outbox_commands (run_id, client_order_id, engine_id, seq, kind, quantity, limit_price_micros, target_broker_order_id, payload, state, created_at, updated_at) " +
            "SELECT run_id, client_order_id, engine_id, seq, $1, $2, $3, $4, '{}', $5, created_at, updated_at FROM outbox LIMIT 1";
        Assert.Equal("outbox_commands_sendable_has_target", ConstraintOf(database, Insert, "CANCEL", DBNull.Value, DBNull.Value, DBNull.Value, "PENDING"));
        Assert.Equal("outbox_commands_queued_is_an_untargeted_cancel", ConstraintOf(database, Insert, "CANCEL", DBNull.Value, DBNull.Value, "42", "QUEUED"));
        Assert.Equal("outbox_commands_queued_is_an_untargeted_cancel", ConstraintOf(database, Insert, "REPLACE", 10L, 0L, DBNull.Value, "QUEUED"));
    }

    private static string? ConstraintOf(string database, string sql, params object[] values)
    {
        Npgsql.PostgresException refused = Assert.Throws<Npgsql.PostgresException>(() => JournalRig.Rows(database, sql, values));
        return refused.ConstraintName;
    }

    private static EngineSpec Spec(long runNumber) => RecoveryRig.Spec(runNumber, s_steps) with { Risk = s_limits };

    private static Bar Bar(TradingPipeline pipeline, int day, long close)
    {
        Bar bar = JournalRig.DailyBar(day, close * Unit);
        pipeline.PublishBar(JournalRig.Engine, bar);
        pipeline.Poll();
        return bar;
    }
}
