using MiniQuantDesk.Journal.Runs;
using MiniQuantDesk.Journal.Tests.Support;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Runs;

/// <summary>Two processes (two stores, two connections) acting on one run or one engine at once: exactly one wins, and
/// the loser is told, never silently overwritten.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RunRaceTests(PostgresCluster cluster)
{
    private static int _nextEngine = 3000;
    private readonly FakeClock _clock = new();

    [Fact]
    public async Task Two_processes_racing_to_start_the_same_run_exactly_one_wins_and_the_other_is_told()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        var first = new RunStore(database, _clock);
        var second = new RunStore(database, _clock);
        int engine = NewEngine();
        RunRecord run = await first.CreateAsync(engine, RunMode.Live);
        await first.ArmAsync(RunReference.Of(run.RunId));

        // Hold the engine's lock so that both starts read ARMED and then queue on the lock: the race is certain.
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        await using NpgsqlTransaction held = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, held, $"SELECT pg_advisory_xact_lock({RunStore.EngineLockClass}, {engine})");
        Task<RunRecord>[] starts = [first.StartAsync(RunReference.Of(run.RunId)), second.StartAsync(RunReference.Of(run.RunNumber))];
        await WaitForLockWaitersAsync(holder, engine, 2, starts);
        await held.CommitAsync();

        Task all = Task.WhenAll(starts);
        await Assert.ThrowsAsync<RunRefusedException>(() => all.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, starts.Count(start => start.IsCompletedSuccessfully));
        RunRefusedException lost = Assert.IsType<RunRefusedException>(starts.Single(start => start.IsFaulted).Exception!.InnerException);
        Assert.Contains("another process changed it to RUNNING while this start was in flight", lost.Message, StringComparison.Ordinal);
        Assert.Equal(RunState.Running, (await first.StatusAsync(RunReference.Of(run.RunId))).State);
    }

    [Fact]
    public async Task Two_live_runs_of_one_engine_armed_at_once_exactly_one_is_armed()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        var first = new RunStore(database, _clock);
        var second = new RunStore(database, _clock);
        for (int round = 0; round < 10; round++)
        {
            int engine = NewEngine();
            RunRecord a = await first.CreateAsync(engine, RunMode.Live);
            RunRecord b = await first.CreateAsync(engine, RunMode.Live);

            Task<RunRecord>[] arms = [first.ArmAsync(RunReference.Of(a.RunId)), second.ArmAsync(RunReference.Of(b.RunId))];
            try
            {
                await Task.WhenAll(arms).WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (RunRefusedException)
            {
                // Asserted below, per task.
            }

            Assert.Equal(1, arms.Count(arm => arm.IsCompletedSuccessfully));
            Exception refusal = arms.Single(arm => arm.IsFaulted).Exception!.InnerException!;
            Assert.Contains("already has an active LIVE run", refusal.Message, StringComparison.Ordinal);
            IReadOnlyList<RunRecord> runs = await first.ListAsync(engine);
            Assert.Single(runs, r => r.State == RunState.Armed);
        }
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> sessions queue on the engine's advisory lock; fails
    /// early if a contender finished instead, which would mean it never took the lock.</summary>
    private static async Task WaitForLockWaitersAsync(NpgsqlConnection observer, int engine, int count, Task[] contenders)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Assert.DoesNotContain(contenders, contender => contender.IsCompleted);
            await using var query = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid::bigint = @class AND objid::bigint = @engine",
                observer);
            query.Parameters.AddWithValue("class", (long)RunStore.EngineLockClass);
            query.Parameters.AddWithValue("engine", (long)engine);
            if ((long)(await query.ExecuteScalarAsync(timeout.Token))! >= count)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static int NewEngine() => Interlocked.Increment(ref _nextEngine);
}
