using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Tests.Support;

namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>The restart check quarantines an engine for each shape of unknown submit, and only the operator lifts it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QuarantineCheckTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_row_left_CLAIMED_after_a_send_started_quarantines_its_engine_at_restart()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "restart_claimed");
        var clock = new ManualClock();
        string id = (await outbox.InsertPendingAsync(1, "1"))[0];
        await OutboxDispatcherTests.ClaimAsDeadDispatcherAsync(outbox, id, clock, attempts: 1);

        QuarantineReport report = await new QuarantineCheck(outbox.ConnectionString, clock).CheckAsync("1");

        AssertQuarantined(report, id, QuarantineShape.ClaimedAfterSend, "(left CLAIMED after a send started)");
        Assert.Equal("AMBIGUOUS", (await outbox.RowAsync(id)).State);
        Assert.Equal((false, report.DisarmReason), (await outbox.ArmStateAsync("1"))!.Value);
    }

    [Fact]
    public async Task A_row_left_SENT_without_a_broker_order_id_quarantines_its_engine_at_restart()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "restart_sent");
        var clock = new ManualClock();
        IReadOnlyList<string> ids = await outbox.InsertPendingAsync(2, "1");
        var broker = new InProcessBroker();
        broker.Answer(ids[0], _ => SubmitOutcome.Submitted());
        broker.Answer(ids[1], _ => SubmitOutcome.Submitted("BRK-9"));
        await using (OutboxDispatcher dispatcher = OutboxDispatcherTests.Dispatcher(outbox, broker, clock))
        {
            await dispatcher.DispatchOnceAsync();
        }

        QuarantineReport report = await new QuarantineCheck(outbox.ConnectionString, clock).CheckAsync("1");

        AssertQuarantined(report, ids[0], QuarantineShape.SentWithoutBrokerOrderId, "(left SENT without a broker order id)");
        Assert.Equal("SENT", (await outbox.RowAsync(ids[1])).State);
    }

    [Fact]
    public async Task An_AMBIGUOUS_row_quarantines_its_engine_at_restart()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "restart_ambiguous");
        var clock = new ManualClock();
        string id = (await outbox.InsertPendingAsync(1, "1"))[0];
        var broker = new InProcessBroker();
        broker.Answer(id, _ => SubmitOutcome.Unknown("timeout"));
        await using (OutboxDispatcher dispatcher = OutboxDispatcherTests.Dispatcher(outbox, broker, clock))
        {
            await dispatcher.DispatchOnceAsync();
        }

        // The operator armed it by hand meanwhile; the restart check disarms it again.
        await outbox.ExecuteAsync("UPDATE arm_state SET armed = true, reason = NULL WHERE engine_id = '1'");
        QuarantineReport report = await new QuarantineCheck(outbox.ConnectionString, clock).CheckAsync("1");

        AssertQuarantined(report, id, QuarantineShape.Ambiguous, "(AMBIGUOUS)");
        Assert.False((await outbox.ArmStateAsync("1"))!.Value.Armed);
    }

    [Fact]
    public async Task An_engine_whose_submits_all_have_known_outcomes_is_not_quarantined()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "restart_clear");
        var clock = new ManualClock();
        IReadOnlyList<string> ids = await outbox.InsertPendingAsync(4, "1");
        var broker = new InProcessBroker();
        broker.Answer(ids[1], _ => SubmitOutcome.Rejected("halted symbol"));
        broker.Answer(ids[2], _ => SubmitOutcome.Submitted("BRK-1"));
        await using (OutboxDispatcher dispatcher = OutboxDispatcherTests.Dispatcher(outbox, broker, clock))
        {
            await dispatcher.DispatchOnceAsync();
        }

        // A claim that never started a send, and another engine's unknown submit, concern this engine not at all.
        string unsent = (await outbox.InsertPendingAsync(1, "1", firstSeq: 90))[0];
        await OutboxDispatcherTests.ClaimAsDeadDispatcherAsync(outbox, unsent, clock, attempts: 0);
        string otherEngine = (await outbox.InsertPendingAsync(1, "2"))[0];
        await OutboxDispatcherTests.ClaimAsDeadDispatcherAsync(outbox, otherEngine, clock, attempts: 1);

        QuarantineReport report = await new QuarantineCheck(outbox.ConnectionString, clock).CheckAsync("1");

        Assert.False(report.IsQuarantined);
        Assert.Null(report.DisarmReason);
        Assert.Null(await outbox.ArmStateAsync("1"));
        Assert.Equal("CLAIMED", (await outbox.RowAsync(unsent)).State);
    }

    [Fact]
    public async Task A_quarantined_engine_gets_no_submits_until_the_operator_resolves_its_ambiguous_order()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "resolve_found");
        var clock = new ManualClock();
        IReadOnlyList<string> ids = await outbox.InsertPendingAsync(1, "1");
        var broker = new InProcessBroker();
        broker.Answer(ids[0], _ => SubmitOutcome.Unknown("timeout"));
        await using OutboxDispatcher dispatcher = OutboxDispatcherTests.Dispatcher(outbox, broker, clock);
        await dispatcher.DispatchOnceAsync();
        IReadOnlyList<string> later = await outbox.InsertPendingAsync(2, "1", firstSeq: 10);
        var check = new QuarantineCheck(outbox.ConnectionString, clock);

        DispatchBatchResult whileQuarantined = await dispatcher.DispatchOnceAsync();
        OutboxResolutionResult resolved = await check.ResolveAsync(ids[0], OutboxResolution.FoundAtBroker("BRK-77", "seen in the broker's order list"));
        DispatchBatchResult afterResolution = await dispatcher.DispatchOnceAsync();

        Assert.Equal(0, whileQuarantined.Claimed);
        Assert.Equal(("1", OutboxState.Acked), (resolved.EngineId, resolved.State));
        Assert.Empty(resolved.StillUnresolved);
        Assert.Empty(await check.UnresolvedAsync("1"));
        OutboxRow row = await outbox.RowAsync(ids[0]);
        Assert.Equal(("ACKED", "BRK-77"), (row.State, row.BrokerOrderId));
        Assert.Contains("RESOLVED: an operator found it at the broker as BRK-77", row.LastError, StringComparison.Ordinal);
        Assert.Equal(2, afterResolution.Acked);
        Assert.All(later, id => Assert.Equal(1, broker.SubmitsOf(id)));
        Assert.Equal(1, broker.SubmitsOf(ids[0]));
        Assert.False((await outbox.ArmStateAsync("1"))!.Value.Armed);
    }

    [Fact]
    public async Task An_order_the_broker_never_saw_is_resolved_FAILED_and_never_resent()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "resolve_never");
        var clock = new ManualClock();
        string id = (await outbox.InsertPendingAsync(1, "1"))[0];
        await OutboxDispatcherTests.ClaimAsDeadDispatcherAsync(outbox, id, clock, attempts: 1);
        var check = new QuarantineCheck(outbox.ConnectionString, clock);
        await check.CheckAsync("1");
        var broker = new InProcessBroker();
        await using OutboxDispatcher dispatcher = OutboxDispatcherTests.Dispatcher(outbox, broker, clock);

        OutboxResolutionResult resolved = await check.ResolveAsync(id, OutboxResolution.NeverReachedBroker("not in the broker's orders for the day"));
        clock.Advance(TimeSpan.FromMinutes(5));
        DispatchBatchResult after = await dispatcher.DispatchOnceAsync();

        Assert.Equal(OutboxState.Failed, resolved.State);
        Assert.Equal("FAILED", (await outbox.RowAsync(id)).State);
        Assert.Equal((0, 0), (after.Claimed, broker.TotalSubmits));
    }

    [Fact]
    public async Task Resolving_an_order_whose_outcome_is_known_is_refused_with_its_state()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "resolve_refused");
        var clock = new ManualClock();
        string id = (await outbox.InsertPendingAsync(1, "1"))[0];
        var check = new QuarantineCheck(outbox.ConnectionString, clock);

        InvalidOperationException pending = await Assert.ThrowsAsync<InvalidOperationException>(() => check.ResolveAsync(id, OutboxResolution.NeverReachedBroker("guess")));
        InvalidOperationException missing = await Assert.ThrowsAsync<InvalidOperationException>(() => check.ResolveAsync("E9-R9-S000000009-I0", OutboxResolution.NeverReachedBroker("guess")));

        Assert.Equal($"{id} is PENDING, not AMBIGUOUS; only an order whose outcome is unknown can be resolved", pending.Message);
        Assert.Equal("E9-R9-S000000009-I0: no such order in the outbox", missing.Message);
        Assert.Equal("PENDING", (await outbox.RowAsync(id)).State);
    }

    private static void AssertQuarantined(QuarantineReport report, string clientOrderId, QuarantineShape shape, string described)
    {
        Assert.True(report.IsQuarantined);
        QuarantinedOrder order = Assert.Single(report.Orders);
        Assert.Equal((clientOrderId, shape), (order.ClientOrderId, order.Shape));
        Assert.StartsWith($"QUARANTINED: engine 1 has 1 submit(s) with an unknown broker outcome: {clientOrderId} {described}", report.DisarmReason, StringComparison.Ordinal);
    }
}
