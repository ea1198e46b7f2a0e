using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Tests.Support;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>One scenario per dispatcher invariant, each against its own migrated database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxDispatcherTests(PostgresCluster cluster)
{
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Only_committed_PENDING_rows_are_claimed()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "committed_only");
        var broker = new InProcessBroker();
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock());
        (Guid run, long runNumber) = await outbox.CreateRunAsync();
        await using NpgsqlConnection writer = await outbox.OpenAsync();
        await using NpgsqlTransaction open = await writer.BeginTransactionAsync();
        IReadOnlyList<string> ids = await OutboxTable.InsertPendingAsync(writer, open, run, runNumber, 3, "1", 1);

        DispatchBatchResult beforeCommit = await dispatcher.DispatchOnceAsync();
        await open.CommitAsync();
        DispatchBatchResult afterCommit = await dispatcher.DispatchOnceAsync();

        Assert.Equal(0, beforeCommit.Claimed);
        Assert.Equal(3, afterCommit.Claimed);
        Assert.All(ids, id => Assert.Equal(1, broker.SubmitsOf(id)));
    }

    [Fact]
    public async Task Rows_are_claimed_and_sent_in_id_order()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "id_order");
        IReadOnlyList<string> first = await outbox.InsertPendingAsync(5, "1", firstSeq: 100);
        IReadOnlyList<string> second = await outbox.InsertPendingAsync(5, "2", firstSeq: 1);
        var sent = new List<string>();
        var broker = new InProcessBroker { OnSubmit = order => sent.Add(order.ClientOrderId) };
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock(), batchSize: 3);

        while ((await dispatcher.DispatchOnceAsync()).Claimed > 0)
        {
        }

        Assert.Equal([.. first, .. second], sent);
    }

    [Fact]
    public async Task An_accepted_submit_is_recorded_ACKED_with_the_broker_order_id()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "accepted");
        string id = (await outbox.InsertPendingAsync(1))[0];
        var broker = new InProcessBroker();
        broker.Answer(id, _ => SubmitOutcome.Accepted("BRK-42"));
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock());

        DispatchBatchResult result = await dispatcher.DispatchOnceAsync();

        OutboxRow row = await outbox.RowAsync(id);
        Assert.Equal(1, result.Acked);
        Assert.Equal(("ACKED", "BRK-42", 1, true), (row.State, row.BrokerOrderId, row.Attempts, row.HasSentAt));
    }

    [Fact]
    public async Task A_submit_taken_without_an_ack_is_recorded_SENT_and_keeps_a_broker_id_when_given()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "submitted");
        IReadOnlyList<string> ids = await outbox.InsertPendingAsync(2);
        var broker = new InProcessBroker();
        broker.Answer(ids[0], _ => SubmitOutcome.Submitted());
        broker.Answer(ids[1], _ => SubmitOutcome.Submitted("BRK-7"));
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock());

        DispatchBatchResult result = await dispatcher.DispatchOnceAsync();

        Assert.Equal(2, result.Sent);
        Assert.Equal(("SENT", (string?)null), ((await outbox.RowAsync(ids[0])).State, (await outbox.RowAsync(ids[0])).BrokerOrderId));
        Assert.Equal(("SENT", (string?)"BRK-7"), ((await outbox.RowAsync(ids[1])).State, (await outbox.RowAsync(ids[1])).BrokerOrderId));
    }

    [Fact]
    public async Task A_rejected_submit_is_recorded_FAILED_with_the_reason_and_never_resent()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "rejected");
        string id = (await outbox.InsertPendingAsync(1))[0];
        var broker = new InProcessBroker();
        broker.Answer(id, _ => SubmitOutcome.Rejected("insufficient buying power"));
        var clock = new ManualClock();
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, clock);

        await dispatcher.DispatchOnceAsync();
        clock.Advance(s_lease * 3);
        DispatchBatchResult later = await dispatcher.DispatchOnceAsync();

        OutboxRow row = await outbox.RowAsync(id);
        Assert.Equal("FAILED", row.State);
        Assert.Equal("REJECTED: insufficient buying power", row.LastError);
        Assert.Equal(0, later.Claimed);
        Assert.Equal(1, broker.SubmitsOf(id));
        Assert.Null(await outbox.ArmStateAsync("1"));
    }

    [Fact]
    public async Task An_unknown_outcome_makes_the_row_AMBIGUOUS_disarms_its_engine_with_a_reason_and_raises_the_quarantine()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "unknown");
        await outbox.ExecuteAsync("INSERT INTO arm_state (engine_id, armed, reason, changed_at) VALUES ('3', true, NULL, now())");
        string id = (await outbox.InsertPendingAsync(1, "3"))[0];
        var broker = new InProcessBroker();
        broker.Answer(id, _ => SubmitOutcome.Unknown("timeout after 5 s"));
        var quarantines = new List<EngineQuarantine>();
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock(), onQuarantine: quarantines.Add);

        DispatchBatchResult result = await dispatcher.DispatchOnceAsync();

        OutboxRow row = await outbox.RowAsync(id);
        (bool Armed, string? Reason)? arm = await outbox.ArmStateAsync("3");
        Assert.Equal(1, result.Ambiguous);
        Assert.Equal(("AMBIGUOUS", "UNKNOWN_OUTCOME: timeout after 5 s"), (row.State, row.LastError));
        Assert.False(arm!.Value.Armed);
        Assert.StartsWith($"AMBIGUOUS_SUBMIT: {id}", arm.Value.Reason, StringComparison.Ordinal);
        Assert.Contains("timeout after 5 s", arm.Value.Reason, StringComparison.Ordinal);
        EngineQuarantine quarantine = Assert.Single(quarantines);
        Assert.Equal(("3", id, arm.Value.Reason), (quarantine.EngineId, quarantine.ClientOrderId, quarantine.Reason));
    }

    [Fact]
    public async Task A_broker_adapter_that_throws_is_an_unknown_outcome_not_a_lost_exception()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "throws");
        string id = (await outbox.InsertPendingAsync(1))[0];
        var broker = new InProcessBroker();
        broker.Answer(id, _ => throw new IOException("connection reset by peer"));
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock());

        await dispatcher.DispatchOnceAsync();

        OutboxRow row = await outbox.RowAsync(id);
        Assert.Equal("AMBIGUOUS", row.State);
        Assert.Contains("IOException: connection reset by peer", row.LastError, StringComparison.Ordinal);
        Assert.False((await outbox.ArmStateAsync("1"))!.Value.Armed);
    }

    [Fact]
    public async Task After_an_ambiguous_submit_the_engines_other_rows_are_held_unsent_while_other_engines_continue()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "held");
        IReadOnlyList<string> engineOne = await outbox.InsertPendingAsync(3, "1");
        IReadOnlyList<string> engineTwo = await outbox.InsertPendingAsync(2, "2");
        IReadOnlyList<string> engineOneLater = await outbox.InsertPendingAsync(2, "1", firstSeq: 50);
        var broker = new InProcessBroker();
        broker.Answer(engineOne[0], _ => SubmitOutcome.Unknown("connection lost after write"));
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock());

        DispatchBatchResult first = await dispatcher.DispatchOnceAsync();
        DispatchBatchResult second = await dispatcher.DispatchOnceAsync();

        Assert.Equal((1, 2, 4), (first.Ambiguous, first.Acked, first.Held));
        Assert.Equal(0, second.Claimed);
        Assert.All(engineOne.Skip(1).Concat(engineOneLater), id => Assert.Equal(0, broker.SubmitsOf(id)));
        Assert.All(engineTwo, id => Assert.Equal(1, broker.SubmitsOf(id)));
        OutboxRow held = await outbox.RowAsync(engineOne[1]);
        Assert.Equal(("PENDING", (string?)null, 0), (held.State, held.ClaimedBy, held.Attempts));
    }

    [Fact]
    public async Task The_send_start_is_committed_before_the_request_leaves()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "send_start");
        string id = (await outbox.InsertPendingAsync(1))[0];
        OutboxRow? seenByTheBroker = null;
        var broker = new InProcessBroker { OnSubmit = _ => seenByTheBroker = outbox.RowAsync(id).GetAwaiter().GetResult() };
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock(), name: "dispatcher-a");

        await dispatcher.DispatchOnceAsync();

        Assert.Equal(("CLAIMED", "dispatcher-a", 1), (seenByTheBroker!.State, seenByTheBroker.ClaimedBy, seenByTheBroker.Attempts));
    }

    [Fact]
    public async Task A_stale_claim_before_any_send_is_reclaimed_and_then_sent_exactly_once_with_the_same_client_order_id()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "stale_before_send");
        string id = (await outbox.InsertPendingAsync(1))[0];
        var clock = new ManualClock();
        await ClaimAsDeadDispatcherAsync(outbox, id, clock, attempts: 0);
        var sent = new List<string>();
        var broker = new InProcessBroker { OnSubmit = order => sent.Add(order.ClientOrderId) };
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, clock);

        DispatchBatchResult whileFresh = await dispatcher.DispatchOnceAsync();
        clock.Advance(s_lease + TimeSpan.FromSeconds(1));
        DispatchBatchResult afterLease = await dispatcher.DispatchOnceAsync();
        DispatchBatchResult again = await dispatcher.DispatchOnceAsync();

        Assert.Equal(0, whileFresh.Claimed);
        Assert.Equal((1, 1, 1), (afterLease.Sweep.Reclaimed, afterLease.Claimed, afterLease.Acked));
        Assert.Equal(0, again.Claimed);
        Assert.Equal([id], sent);
        OutboxRow row = await outbox.RowAsync(id);
        Assert.Equal(("ACKED", 1), (row.State, row.Attempts));
    }

    [Fact]
    public async Task A_stale_claim_after_a_send_started_becomes_AMBIGUOUS_disarms_its_engine_and_is_never_resent()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "stale_after_send");
        string id = (await outbox.InsertPendingAsync(1, "4"))[0];
        var clock = new ManualClock();
        await ClaimAsDeadDispatcherAsync(outbox, id, clock, attempts: 1);
        var broker = new InProcessBroker();
        var quarantines = new List<EngineQuarantine>();
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, clock, onQuarantine: quarantines.Add);

        clock.Advance(s_lease + TimeSpan.FromSeconds(1));
        DispatchBatchResult result = await dispatcher.DispatchOnceAsync();
        clock.Advance(s_lease * 2);
        await dispatcher.DispatchOnceAsync();

        OutboxRow row = await outbox.RowAsync(id);
        Assert.Equal(1, result.Sweep.MadeAmbiguous);
        Assert.Equal(0, broker.SubmitsOf(id));
        Assert.Equal("AMBIGUOUS", row.State);
        Assert.StartsWith("STALE_CLAIM_AFTER_SEND: dead-dispatcher", row.LastError, StringComparison.Ordinal);
        Assert.False((await outbox.ArmStateAsync("4"))!.Value.Armed);
        Assert.Equal(id, Assert.Single(quarantines).ClientOrderId);
    }

    [Fact]
    public async Task A_dispatcher_that_lost_its_claim_cannot_overwrite_the_row()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "lost_claim");
        string id = (await outbox.InsertPendingAsync(1))[0];
        var clock = new ManualClock();
        var broker = new InProcessBroker();
        await using OutboxDispatcher sweeper = Dispatcher(outbox, broker, clock, name: "sweeper");
        broker.OnSubmit = _ =>
        {
            // The request is out and this dispatcher stalls past its lease; another dispatcher sweeps.
            clock.Advance(s_lease * 2);
            sweeper.SweepStaleClaimsAsync().GetAwaiter().GetResult();
        };
        await using OutboxDispatcher slow = Dispatcher(outbox, broker, clock, name: "slow");

        DispatchBatchResult result = await slow.DispatchOnceAsync();

        OutboxRow row = await outbox.RowAsync(id);
        Assert.Equal((1, 0), (result.LostClaims, result.Acked));
        Assert.Equal(("AMBIGUOUS", (string?)null), (row.State, row.BrokerOrderId));
        Assert.Equal(1, broker.SubmitsOf(id));
    }

    [Fact]
    public async Task A_row_with_a_malformed_payload_is_FAILED_without_being_sent_and_disarms_its_engine()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "malformed");
        string id = (await outbox.InsertPendingAsync(1, "5", payload: """{"kind":"SUBMIT","limit_price_micros":-3,"event_time_ns":1}"""))[0];
        var broker = new InProcessBroker();
        var quarantines = new List<EngineQuarantine>();
        await using OutboxDispatcher dispatcher = Dispatcher(outbox, broker, new ManualClock(), onQuarantine: quarantines.Add);

        DispatchBatchResult result = await dispatcher.DispatchOnceAsync();

        OutboxRow row = await outbox.RowAsync(id);
        Assert.Equal((1, 0), (result.Failed, result.Submitted));
        Assert.Equal(0, broker.TotalSubmits);
        Assert.Equal(("FAILED", 0), (row.State, row.Attempts));
        Assert.Contains("MALFORMED_OUTBOX_ROW", row.LastError, StringComparison.Ordinal);
        Assert.Contains("limit_price_micros is '-3'", row.LastError, StringComparison.Ordinal);
        Assert.False((await outbox.ArmStateAsync("5"))!.Value.Armed);
        Assert.Single(quarantines);
    }

    internal static OutboxDispatcher Dispatcher(
        OutboxTable outbox, IOrderSubmitter broker, TimeProvider clock, string name = "dispatcher", int batchSize = 256, Action<EngineQuarantine>? onQuarantine = null) =>
        new(outbox.ConnectionString, broker, new OutboxDispatcherOptions { Name = name, BatchSize = batchSize, Lease = s_lease }, clock, onQuarantine);

    /// <summary>What a dispatcher that died leaves behind: its claim, and with attempts 1 a send that started.</summary>
    internal static async Task ClaimAsDeadDispatcherAsync(OutboxTable outbox, string clientOrderId, TimeProvider clock, int attempts)
    {
        await using NpgsqlConnection connection = await outbox.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE outbox SET state = 'CLAIMED', claimed_by = 'dead-dispatcher', claimed_at = $2, attempts = $3 WHERE client_order_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientOrderId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = clock.GetUtcNow().UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempts });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
