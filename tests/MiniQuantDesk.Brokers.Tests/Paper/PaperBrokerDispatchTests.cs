using System.Collections.Concurrent;
using System.Globalization;
using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Brokers.Tests.Support;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Brokers.Tests.Paper;

/// <summary>
/// The journal's outbox dispatcher submitting to the paper broker, in one database:
/// <code>
/// outbox ◀──claim/record── dispatcher 1 (thread 1) ──submit──▶ paper broker 1 ─┐
///        ◀──claim/record── dispatcher 2 (thread 2) ──submit──▶ paper broker 2 ─┴─▶ paper_broker.orders (PK client_order_id)
/// </code>
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PaperBrokerDispatchTests(PostgresCluster cluster)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Two_dispatchers_racing_against_the_paper_broker_create_every_order_exactly_once()
    {
        const int Rows = 600;
        string database = await cluster.FreshMigratedDatabaseAsync("race_paper");
        IReadOnlyList<string> ids = await JournalOutbox.InsertPendingAsync(database, Rows);
        await using (PaperBroker setup = await PaperBroker.OpenAsync(database))
        {
            await setup.SetPriceAsync("SPY", 500_000_000, 1);
        }

        var failures = new ConcurrentQueue<Exception>();
        using var start = new Barrier(2);
        var acked = new int[2];
        Thread[] racers = [.. Enumerable.Range(0, 2).Select(index => new Thread(() =>
        {
            try
            {
                RaceAsync(index).GetAwaiter().GetResult();
            }
#pragma warning disable CA1031 // Collected and rethrown on the test thread.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Enqueue(exception);
            }
        }))];

        async Task RaceAsync(int index)
        {
            await using PaperBroker broker = await PaperBroker.OpenAsync(database);
            await using var dispatcher = new OutboxDispatcher(
                database,
                broker,
                new OutboxDispatcherOptions { Name = string.Create(CultureInfo.InvariantCulture, $"racer-{index}"), BatchSize = 25 },
                TimeProvider.System);
            start.SignalAndWait(s_timeout);
            DispatchBatchResult result;
            do
            {
                result = await dispatcher.DispatchOnceAsync();
                acked[index] += result.Acked;
                if (result.Ambiguous + result.Failed + result.LostClaims > 0)
                {
                    throw new InvalidOperationException($"racer-{index}: {result.Ambiguous} ambiguous, {result.Failed} failed, {result.LostClaims} lost claims");
                }
            }
            while (result.Claimed > 0);
        }

        foreach (Thread racer in racers)
        {
            racer.Start();
        }

        Assert.All(racers, racer => Assert.True(racer.Join(s_timeout), "a dispatcher did not finish in time"));
        Assert.Empty(failures);
        Assert.Equal(Rows, acked.Sum());
        await using PaperBroker truth = await PaperBroker.OpenAsync(database);
        IReadOnlyList<PaperOrder> orders = await truth.GetOrdersAsync();
        Assert.Equal(ids.Order(StringComparer.Ordinal), orders.Select(order => order.ClientOrderId));
        Assert.Equal(Rows, (await truth.ReadTruthAsync()).Fills.Select(fill => fill.ClientOrderId).Distinct().Count());
        Assert.Equal(Rows, (await truth.ReadTruthAsync()).Fills.Count);
        Assert.Equal(Rows, await PaperDatabase.ScalarAsync(database, "SELECT count(*) FROM outbox o JOIN paper_broker.orders p USING (client_order_id) WHERE o.state = 'ACKED' AND o.broker_order_id = p.broker_order_id AND o.attempts = 1"));
    }

    [Fact]
    public async Task Two_senders_submitting_the_same_orders_at_once_still_create_each_order_once()
    {
        (PaperBroker first, string database) = await PaperDatabase.FreshAsync(cluster, "double_send");
        await using PaperBroker disposeFirst = first;
        await using PaperBroker second = await PaperBroker.OpenAsync(database);
        await first.SetPriceAsync("SPY", 500_000_000, 1);
        OutboxOrder[] orders = [.. Enumerable.Range(1, 200).Select(seq => Orders.Market(seq, seq % 2 == 0 ? OutboxSide.Sell : OutboxSide.Buy, seq))];

        Task<SubmitOutcome[]> a = Task.Run(async () => await SubmitAllAsync(first, orders));
        Task<SubmitOutcome[]> b = Task.Run(async () => await SubmitAllAsync(second, orders.Reverse().ToArray()));
        SubmitOutcome[] fromA = await a;
        SubmitOutcome[] fromB = (await b).Reverse().ToArray();

        Assert.Equal(fromA, fromB);
        Assert.All(fromA, outcome => Assert.Equal(SubmitOutcomeKind.Accepted, outcome.Kind));
        Assert.Equal(200, fromA.Select(outcome => outcome.BrokerOrderId).Distinct().Count());
        Assert.Equal(200, (await first.ReadTruthAsync()).Fills.Count);
        Assert.Equal(400, await PaperDatabase.ScalarAsync(database, "SELECT count(*) FROM paper_broker.events"));
    }

    [Fact]
    public async Task A_lost_answer_makes_the_outbox_row_ambiguous_and_quarantines_the_engine_while_the_broker_has_the_order()
    {
        string database = await cluster.FreshMigratedDatabaseAsync("answer_lost_dispatch");
        IReadOnlyList<string> ids = await JournalOutbox.InsertPendingAsync(database, 3);
        await using PaperBroker broker = await PaperBroker.OpenAsync(
            database, new PaperBrokerOptions { SubmitFault = order => order.Sequence == 2 ? PaperSubmitFault.AnswerLost : PaperSubmitFault.None });
        await broker.SetPriceAsync("SPY", 500_000_000, 1);
        var quarantines = new List<EngineQuarantine>();
        await using var dispatcher = new OutboxDispatcher(database, broker, new OutboxDispatcherOptions { Name = "solo" }, TimeProvider.System, quarantines.Add);

        DispatchBatchResult result = await dispatcher.DispatchOnceAsync();

        Assert.Equal((1, 1, 1), (result.Acked, result.Ambiguous, result.Held));
        EngineQuarantine quarantine = Assert.Single(quarantines);
        Assert.Equal(ids[1], quarantine.ClientOrderId);
        Assert.Contains("PAPER_ANSWER_LOST", quarantine.Reason, StringComparison.Ordinal);
        Assert.Equal(PaperOrderState.Filled, (await broker.GetOrderAsync(ids[1]))!.State);
        Assert.Null(await broker.GetOrderAsync(ids[2]));
    }

    private static async Task<SubmitOutcome[]> SubmitAllAsync(PaperBroker broker, OutboxOrder[] orders)
    {
        var outcomes = new SubmitOutcome[orders.Length];
        for (int i = 0; i < orders.Length; i++)
        {
            outcomes[i] = await broker.SubmitAsync(orders[i], default);
        }

        return outcomes;
    }
}
