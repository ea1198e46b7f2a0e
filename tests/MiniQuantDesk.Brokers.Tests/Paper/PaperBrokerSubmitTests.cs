using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Brokers.Tests.Support;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Migrations;

namespace MiniQuantDesk.Brokers.Tests.Paper;

/// <summary>The paper broker as the dispatcher's broker: one transaction per submit, in its own schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PaperBrokerSubmitTests(PostgresCluster cluster)
{
    private const long Spy = 500_000_000;

    [Fact]
    public async Task The_same_client_order_id_submitted_twice_creates_one_order_and_one_fill()
    {
        (PaperBroker broker, string database) = await PaperDatabase.FreshAsync(cluster, "idempotent");
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);

        SubmitOutcome first = await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 10), default);
        SubmitOutcome second = await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 10) with { Attempt = 2 }, default);

        Assert.Equal(SubmitOutcome.Accepted("P1"), first);
        Assert.Equal(first, second);
        Assert.Equal(1, await PaperDatabase.ScalarAsync(database, "SELECT count(*) FROM paper_broker.orders"));
        Assert.Equal(1, await PaperDatabase.ScalarAsync(database, "SELECT count(*) FROM paper_broker.events WHERE kind = 'FILL'"));
        Assert.Equal(10, (await broker.ReadTruthAsync()).PositionOf("SPY"));
    }

    [Fact]
    public async Task A_market_order_is_acked_and_filled_in_full_at_the_last_price()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "market", new PaperBrokerOptions { FeePerShareMicros = 5_000 });
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);

        SubmitOutcome outcome = await broker.SubmitAsync(Orders.Market(3, OutboxSide.Sell, 20), default);

        Assert.Equal(SubmitOutcome.Accepted("P1"), outcome);
        IReadOnlyList<PaperEvent> events = await broker.ReadEventsAsync(0, 10);
        Assert.Equal([PaperEventKind.Ack, PaperEventKind.Fill], events.Select(e => e.Kind));
        Assert.Equal(["M1", "M2"], events.Select(e => e.MessageId));
        PaperEvent fill = events[1];
        Assert.Equal((Orders.Id(3), 1L, 1L, "SPY", Side.Sell, 20L, Spy, 100_000L, 3_000L),
            (fill.ClientOrderId, fill.OrderNumber, fill.FillNumber, fill.Symbol, fill.Side, fill.Quantity, fill.PriceMicros, fill.FeeMicros, fill.EventTimeNs));
        PaperOrder? order = await broker.GetOrderAsync(Orders.Id(3));
        Assert.Equal((PaperOrderState.Filled, 20L, "P1"), (order!.State, order.FilledQuantity, order.BrokerOrderId));
    }

    [Fact]
    public async Task A_limit_the_last_price_does_not_cross_is_acked_only_and_rests_until_a_price_crosses_it()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "limit_rests");
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);

        SubmitOutcome buyBelow = await broker.SubmitAsync(Orders.Limit(1, OutboxSide.Buy, 5, Spy - 1), default);
        SubmitOutcome sellAbove = await broker.SubmitAsync(Orders.Limit(2, OutboxSide.Sell, 5, Spy + 1), default);

        Assert.Equal(SubmitOutcome.Accepted("P1"), buyBelow);
        Assert.Equal(SubmitOutcome.Accepted("P2"), sellAbove);
        Assert.Equal([PaperEventKind.Ack, PaperEventKind.Ack], (await broker.ReadEventsAsync(0, 10)).Select(e => e.Kind));
        Assert.Equal(PaperOrderState.Open, (await broker.GetOrderAsync(Orders.Id(1)))!.State);

        int filled = await broker.SetPriceAsync("SPY", Spy - 2, 50);

        Assert.Equal(1, filled);
        PaperEvent fill = Assert.Single(await broker.ReadEventsAsync(2, 10));
        Assert.Equal((PaperEventKind.Fill, Orders.Id(1), Spy - 2, 50L), (fill.Kind, fill.ClientOrderId, fill.PriceMicros, fill.EventTimeNs));
        Assert.Equal(PaperOrderState.Open, (await broker.GetOrderAsync(Orders.Id(2)))!.State);
    }

    [Fact]
    public async Task A_limit_the_last_price_crosses_fills_at_the_last_price()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "limit_crossed");
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);

        await broker.SubmitAsync(Orders.Limit(1, OutboxSide.Buy, 5, Spy + 10_000), default);

        PaperFill fill = Assert.Single((await broker.ReadTruthAsync()).Fills);
        Assert.Equal((Side.Buy, 5L, Spy), (fill.Side, fill.Quantity, fill.PriceMicros));
    }

    [Fact]
    public async Task An_order_without_a_known_price_is_rejected_with_a_reason_and_a_duplicate_gets_the_same_answer()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "no_price");
        await using PaperBroker disposeAtEnd = broker;

        SubmitOutcome outcome = await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 10, "QQQ"), default);
        SubmitOutcome again = await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 10, "QQQ"), default);

        Assert.Equal(SubmitOutcomeKind.Rejected, outcome.Kind);
        Assert.StartsWith("NO_PRICE: the paper broker knows no price for QQQ", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(outcome, again);
        PaperEvent reject = Assert.Single(await broker.ReadEventsAsync(0, 10));
        Assert.Equal((PaperEventKind.Reject, null, outcome.Reason), (reject.Kind, reject.OrderNumber, reject.Reason));
        Assert.Equal((PaperOrderState.Rejected, null), ((await broker.GetOrderAsync(Orders.Id(1)))!.State, (await broker.GetOrderAsync(Orders.Id(1)))!.BrokerOrderId));
    }

    [Fact]
    public async Task A_lost_answer_commits_the_order_and_reports_an_unknown_outcome()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(
            cluster, "answer_lost", new PaperBrokerOptions { SubmitFault = order => order.Sequence == 2 ? PaperSubmitFault.AnswerLost : PaperSubmitFault.None });
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);

        SubmitOutcome outcome = await broker.SubmitAsync(Orders.Market(2, OutboxSide.Buy, 10), default);

        Assert.Equal(SubmitOutcomeKind.Unknown, outcome.Kind);
        Assert.StartsWith("PAPER_ANSWER_LOST", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(PaperOrderState.Filled, (await broker.GetOrderAsync(Orders.Id(2)))!.State);
        Assert.Equal(10, (await broker.ReadTruthAsync()).PositionOf("SPY"));
    }

    [Fact]
    public async Task A_failure_before_commit_reports_an_unknown_outcome_and_creates_nothing_nor_uses_up_an_id()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(
            cluster, "fail_before_commit", new PaperBrokerOptions { SubmitFault = order => order.Sequence == 1 ? PaperSubmitFault.FailBeforeCommit : PaperSubmitFault.None });
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);

        SubmitOutcome failed = await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 10), default);
        SubmitOutcome next = await broker.SubmitAsync(Orders.Market(2, OutboxSide.Buy, 10), default);

        Assert.Equal(SubmitOutcomeKind.Unknown, failed.Kind);
        Assert.StartsWith("PAPER_FAIL_BEFORE_COMMIT", failed.Reason, StringComparison.Ordinal);
        Assert.Null(await broker.GetOrderAsync(Orders.Id(1)));
        Assert.Equal(SubmitOutcome.Accepted("P1"), next);
        Assert.Equal([1L, 2L], (await broker.ReadEventsAsync(0, 10)).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_duplicate_with_other_terms_creates_nothing_and_reports_an_unknown_outcome()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "conflicting_duplicate");
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);
        await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 10), default);

        SubmitOutcome outcome = await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 11), default);

        Assert.Equal(SubmitOutcomeKind.Unknown, outcome.Kind);
        Assert.StartsWith("CONFLICTING_DUPLICATE", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(10, (await broker.ReadTruthAsync()).PositionOf("SPY"));
    }

    [Fact]
    public async Task A_malformed_order_is_refused_at_the_door_and_creates_nothing()
    {
        (PaperBroker broker, string database) = await PaperDatabase.FreshAsync(cluster, "malformed");
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);

        SubmitOutcome outcome = await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 10) with { ClientOrderId = "order-1" }, default);

        Assert.Equal(SubmitOutcomeKind.Rejected, outcome.Kind);
        Assert.StartsWith("MALFORMED_ORDER", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await PaperDatabase.ScalarAsync(database, "SELECT count(*) FROM paper_broker.orders"));
    }

    [Fact]
    public async Task Cancel_ends_an_open_order_with_a_cancel_ack_and_refuses_a_filled_one()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "cancel");
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);
        await broker.SubmitAsync(Orders.Limit(1, OutboxSide.Buy, 5, Spy - 1), default);
        await broker.SubmitAsync(Orders.Market(2, OutboxSide.Buy, 5), default);

        bool canceled = await broker.CancelAsync(Orders.Id(1), 77);
        bool filledCanceled = await broker.CancelAsync(Orders.Id(2), 78);

        Assert.True(canceled);
        Assert.False(filledCanceled);
        PaperEvent last = (await broker.ReadEventsAsync(0, 10))[^1];
        Assert.Equal((PaperEventKind.CancelAck, Orders.Id(1), 1L, 77L), (last.Kind, last.ClientOrderId, last.OrderNumber, last.EventTimeNs));
        Assert.Equal(0, await broker.SetPriceAsync("SPY", 1, 79));
    }

    [Fact]
    public async Task The_truth_positions_and_cash_equal_a_recomputation_from_the_fills()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(
            cluster, "truth", new PaperBrokerOptions { InitialCash = new Money(Micros.FromUnits(50_000)), FeePerShareMicros = 1_000 });
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);
        await broker.SetPriceAsync("QQQ", 400_250_000, 1);
        await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 30), default);
        await broker.SubmitAsync(Orders.Market(2, OutboxSide.Sell, 12, "QQQ"), default);
        await broker.SetPriceAsync("SPY", 510_000_000, 2);
        await broker.SubmitAsync(Orders.Market(3, OutboxSide.Sell, 30), default);
        await broker.SubmitAsync(Orders.Market(4, OutboxSide.Sell, 1), default);

        PaperBrokerTruth truth = await broker.ReadTruthAsync();

        long cash = truth.InitialCash.Micros;
        var positions = new Dictionary<string, long>();
        foreach (PaperFill fill in truth.Fills)
        {
            long sign = fill.Side == Side.Buy ? 1 : -1;
            cash -= (sign * fill.Quantity * fill.PriceMicros) + fill.FeeMicros;
            positions[fill.Symbol] = positions.GetValueOrDefault(fill.Symbol) + (sign * fill.Quantity);
        }

        Assert.Equal(4, truth.Fills.Count);
        Assert.Equal(cash, truth.Cash.Micros);
        Assert.Equal(Micros.FromUnits(50_000) - (30 * Spy) + (12L * 400_250_000) + (30L * 510_000_000) + (1L * 510_000_000) - (73L * 1_000), truth.Cash.Micros);
        Assert.Equal(positions.Where(p => p.Value != 0).OrderBy(p => p.Key), truth.Positions.OrderBy(p => p.Key));
        Assert.Equal(new Dictionary<string, long> { ["QQQ"] = -12, ["SPY"] = -1 }, truth.Positions);
        Assert.Equal(8, truth.LastEventId);
    }

    [Fact]
    public async Task The_stored_starting_cash_survives_a_reopen_and_a_different_one_is_refused()
    {
        (PaperBroker broker, string database) = await PaperDatabase.FreshAsync(cluster, "cash", new PaperBrokerOptions { InitialCash = new Money(Micros.FromUnits(1_000)) });
        await broker.DisposeAsync();

        await using PaperBroker reopened = await PaperBroker.OpenAsync(database);
        PaperBrokerRefusedException refused = await Assert.ThrowsAsync<PaperBrokerRefusedException>(
            () => PaperBroker.OpenAsync(database, new PaperBrokerOptions { InitialCash = new Money(Micros.FromUnits(2_000)) }));

        Assert.Equal(Micros.FromUnits(1_000), reopened.InitialCash.Micros);
        Assert.StartsWith("PAPER_CASH_MISMATCH: the paper account in this database started with 1000", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_setup_is_idempotent_stays_in_its_own_schema_and_refuses_a_script_changed_after_it_was_applied()
    {
        (PaperBroker broker, string database) = await PaperDatabase.FreshAsync(cluster, "schema");
        await broker.DisposeAsync();

        IReadOnlyList<Migration> again = await PaperBrokerSchema.EnsureCreatedAsync(database);
        await PaperDatabase.ExecuteAsync(database, "UPDATE paper_broker.schema_migrations SET checksum = repeat('0', 64) WHERE version = 1");
        MigrationRefusedException refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => PaperBrokerSchema.EnsureCreatedAsync(database));

        Assert.Empty(again);
        Assert.Contains("Paper/Sql/0001_paper_broker.sql changed after it was applied", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await PaperDatabase.ScalarAsync(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }
}
