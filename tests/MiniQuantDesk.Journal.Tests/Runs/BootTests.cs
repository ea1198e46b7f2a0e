using MiniQuantDesk.Journal.Runs;
using MiniQuantDesk.Journal.Tests.Support;

namespace MiniQuantDesk.Journal.Tests.Runs;

/// <summary>Boot: an engine always starts disarmed, keeps an earlier disarm reason, and the deadman runs first.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BootTests(PostgresCluster cluster)
{
    private static readonly TimeSpan s_ttl = TimeSpan.FromSeconds(30);
    private static int _nextEngine = 2000;
    private readonly FakeClock _clock = new();

    [Fact]
    public async Task Restart_boots_disarmed_even_if_the_last_run_was_armed()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await store.CreateAsync(engine, RunMode.Live);
        await store.ArmAsync(RunReference.Of(run.RunId));

        BootOutcome boot = await (await StoreAsync()).BootAsync(engine, s_ttl);

        Assert.Equal((false, RunStore.BootDisarmReason), (boot.ArmState.Armed, boot.ArmState.Reason));
        Assert.Equal(boot.ArmState, await store.ArmStateAsync(engine));
        Assert.Empty(boot.HaltedByDeadman);
    }

    [Fact]
    public async Task Boot_keeps_an_earlier_disarm_reason_across_restarts()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await store.CreateAsync(engine, RunMode.Paper);
        await store.HaltAsync(RunReference.Of(run.RunId), "reconcile: unknown broker order 42");
        EngineArmState before = (await store.ArmStateAsync(engine))!;

        _clock.Advance(TimeSpan.FromHours(1));
        BootOutcome first = await store.BootAsync(engine, s_ttl);
        BootOutcome second = await store.BootAsync(engine, s_ttl);

        Assert.Equal(before, first.ArmState);
        Assert.Equal(before, second.ArmState);
        Assert.Equal("reconcile: unknown broker order 42", second.ArmState.Reason);
    }

    [Fact]
    public async Task Boot_of_an_engine_never_seen_records_it_disarmed_with_the_boot_reason()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();

        BootOutcome boot = await store.BootAsync(engine, s_ttl);

        Assert.Equal(new EngineArmState(engine, false, RunStore.BootDisarmReason, FakeClock.Epoch), boot.ArmState);
    }

    [Fact]
    public async Task Boot_halts_a_running_run_whose_heartbeat_went_stale_while_the_process_was_down()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await RunningAsync(store, engine);
        RunRecord otherEngine = await RunningAsync(store, NewEngine());

        _clock.Advance(TimeSpan.FromMinutes(10));
        BootOutcome boot = await store.BootAsync(engine, s_ttl);

        RunRecord halted = Assert.Single(boot.HaltedByDeadman);
        Assert.Equal((run.RunId, RunState.Halted), (halted.RunId, halted.State));
        Assert.StartsWith("deadman: last heartbeat at 2026-11-30T14:30:00.000Z older than TTL 30s", halted.HaltReason, StringComparison.Ordinal);
        // The deadman's reason is the engine's disarm reason: boot keeps it rather than writing its own.
        Assert.Equal((false, halted.HaltReason), (boot.ArmState.Armed, boot.ArmState.Reason));
        // Boot of one engine judges only that engine's runs.
        Assert.Equal(RunState.Running, (await store.StatusAsync(RunReference.Of(otherEngine.RunId))).State);
    }

    [Fact]
    public async Task Boot_leaves_a_running_run_with_a_fresh_heartbeat_running_but_disarms_its_engine()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await RunningAsync(store, engine);
        _clock.Advance(TimeSpan.FromSeconds(10));

        BootOutcome boot = await store.BootAsync(engine, s_ttl);

        Assert.Empty(boot.HaltedByDeadman);
        Assert.Equal(RunState.Running, (await store.StatusAsync(RunReference.Of(run.RunId))).State);
        Assert.Equal((false, RunStore.BootDisarmReason), (boot.ArmState.Armed, boot.ArmState.Reason));
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
