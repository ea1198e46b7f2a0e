using System.Globalization;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Tests.Support;

namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>
/// Several dispatchers, each on its own thread with its own connections and claimer name, race over one outbox:
/// <code>
/// writer ──rows──▶ outbox ◀──claim/record── dispatcher 1 (thread 1) ─┐
///                         ◀──claim/record── dispatcher N (thread N) ─┴─▶ one in-process broker (counts per id)
/// </code>
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RacingDispatcherTests(PostgresCluster cluster)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(2, 3000, 50)]
    [InlineData(4, 4000, 32)]
    public async Task Racing_dispatchers_never_submit_a_row_twice_and_together_submit_every_row(int dispatchers, int rows, int batchSize)
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, string.Create(CultureInfo.InvariantCulture, $"race_{dispatchers}"));
        var ids = new List<string>(rows);
        for (int engine = 1; engine <= 4; engine++)
        {
            ids.AddRange(await outbox.InsertPendingAsync(rows / 4, engine.ToString(CultureInfo.InvariantCulture)));
        }

        var broker = new InProcessBroker();
        var clock = new ManualClock();
        using var start = new Barrier(dispatchers);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var claimedBy = new int[dispatchers];
        Thread[] threads = [.. Enumerable.Range(0, dispatchers).Select(index => new Thread(() =>
        {
            try
            {
                using var owner = new DispatcherOwner(OutboxDispatcherTests.Dispatcher(
                    outbox, broker, clock, name: string.Create(CultureInfo.InvariantCulture, $"racer-{index}"), batchSize: batchSize));
                start.SignalAndWait(s_timeout);
                int claimed;
                do
                {
                    DispatchBatchResult result = owner.Dispatcher.DispatchOnceAsync().GetAwaiter().GetResult();
                    claimed = result.Claimed;
                    claimedBy[index] += claimed;
                    if (result.LostClaims > 0 || result.Ambiguous > 0)
                    {
                        throw new InvalidOperationException($"racer-{index} lost {result.LostClaims} claims, {result.Ambiguous} ambiguous");
                    }
                }
                while (claimed > 0);
            }
#pragma warning disable CA1031 // Collected and rethrown on the test thread.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Enqueue(exception);
            }
        }))];

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        Assert.All(threads, thread => Assert.True(thread.Join(s_timeout), "a dispatcher thread did not finish in time"));

        Assert.Empty(failures);
        Assert.Equal(rows, broker.Submits.Count);
        Assert.All(ids, id => Assert.Equal(1, broker.SubmitsOf(id)));
        Assert.Equal(rows, broker.OrdersOpened);
        Assert.Equal(rows, claimedBy.Sum());
        await using var connection = await outbox.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM outbox WHERE state = 'ACKED' AND attempts = 1", connection);
        Assert.Equal((long)rows, (long)(await count.ExecuteScalarAsync())!);
    }

    private sealed class DispatcherOwner(OutboxDispatcher dispatcher) : IDisposable
    {
        public OutboxDispatcher Dispatcher => dispatcher;

        public void Dispose() => dispatcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
