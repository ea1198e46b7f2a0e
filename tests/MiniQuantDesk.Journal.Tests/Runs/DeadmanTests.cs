using MiniQuantDesk.Journal.Runs;
using MiniQuantDesk.Journal.Tests.Support;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Runs;

/// <summary>The deadman at runtime: a RUNNING run whose last sign of life is older than the TTL halts and disarms.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DeadmanTests(PostgresCluster cluster)
{
    private static readonly TimeSpan s_ttl = TimeSpan.FromSeconds(30);
    private static int _nextEngine = 1000;
    private readonly FakeClock _clock = new();

    [Fact]
    public async Task A_running_run_whose_heartbeat_is_older_than_the_ttl_is_halted_and_its_engine_disarmed()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await RunningAsync(store, engine);
        _clock.Advance(s_ttl + TimeSpan.FromSeconds(1));

        IReadOnlyList<RunRecord> halted = await new DeadmanCheck(store, s_ttl).CheckAsync();

        RunRecord after = Assert.Single(halted, h => h.RunId == run.RunId);
        Assert.Equal(RunState.Halted, after.State);
        Assert.StartsWith("deadman: last heartbeat at 2026-11-30T14:30:00.000Z older than TTL 30s", after.HaltReason, StringComparison.Ordinal);
        EngineArmState? arm = await store.ArmStateAsync(engine);
        Assert.Equal((false, after.HaltReason), (arm!.Armed, arm.Reason));
    }

    [Fact]
    public async Task A_heartbeat_exactly_ttl_old_or_younger_keeps_the_run_running()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await RunningAsync(store, engine);
        _clock.Advance(s_ttl);

        IReadOnlyList<RunRecord> halted = await new DeadmanCheck(store, s_ttl).CheckAsync(engine);

        Assert.Empty(halted);
        Assert.Equal(RunState.Running, (await store.StatusAsync(RunReference.Of(run.RunId))).State);
        Assert.True((await store.ArmStateAsync(engine))!.Armed);
    }

    [Fact]
    public async Task A_running_run_that_never_sent_a_heartbeat_is_judged_by_its_creation_time()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        // Another writer (an older mqd, a hand repair) may leave a RUNNING run without any heartbeat.
        Guid runId = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(await cluster.MigratedDatabaseForAsync(GetType())))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES (@id, @engine, 'PAPER', 'RUNNING', @at)", connection);
            insert.Parameters.AddWithValue("id", runId);
            insert.Parameters.AddWithValue("engine", engine.ToString(System.Globalization.CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("at", FakeClock.Epoch);
            await insert.ExecuteNonQueryAsync();
        }

        _clock.Advance(TimeSpan.FromMinutes(5));

        RunRecord halted = Assert.Single(await new DeadmanCheck(store, s_ttl).CheckAsync(engine));
        Assert.Equal(runId, halted.RunId);
        Assert.Contains("2026-11-30T14:30:00.000Z (none since the run was created)", halted.HaltReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heartbeat_arriving_between_the_check_and_the_halt_saves_the_run()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord seen = await RunningAsync(store, engine);
        _clock.Advance(s_ttl * 2);
        await store.HeartbeatAsync(RunReference.Of(seen.RunId));

        RunRecord? halted = await store.HaltIfUnchangedAsync(seen, "deadman: stale view", _clock.GetUtcNow(), CancellationToken.None);

        Assert.Null(halted);
        Assert.Equal(RunState.Running, (await store.StatusAsync(RunReference.Of(seen.RunId))).State);
        Assert.True((await store.ArmStateAsync(engine))!.Armed);
    }

    [Fact]
    public async Task The_deadman_run_periodically_halts_a_run_whose_heartbeat_stops()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await RunningAsync(store, engine);
        var deadman = new DeadmanCheck(store, s_ttl);
        var firstHalt = new TaskCompletionSource<IReadOnlyList<RunRecord>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        Task loop = deadman.RunPeriodicallyAsync(TimeSpan.FromMilliseconds(20), halted => firstHalt.TrySetResult(halted), stop.Token);

        // The heartbeat stops: the engine clock moves past the TTL.
        _clock.Advance(s_ttl + TimeSpan.FromSeconds(1));
        IReadOnlyList<RunRecord> reported = await firstHalt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);

        Assert.Contains(reported, halted => halted.RunId == run.RunId && halted.HaltReason!.StartsWith("deadman: ", StringComparison.Ordinal));
        Assert.Equal(RunState.Halted, (await store.StatusAsync(RunReference.Of(run.RunId))).State);
        Assert.False((await store.ArmStateAsync(engine))!.Armed);
    }

    private static async Task<RunRecord> RunningAsync(RunStore store, int engine)
    {
        RunRecord run = await store.CreateAsync(engine, RunMode.Paper);
        await store.ArmAsync(RunReference.Of(run.RunId));
        return await store.StartAsync(RunReference.Of(run.RunId));
    }

    private static int NewEngine() => Interlocked.Increment(ref _nextEngine);

    private async Task<RunStore> StoreAsync() => new(await cluster.MigratedDatabaseForAsync(GetType()), _clock);
}
