using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Journal.Runs;
using MiniQuantDesk.Journal.Tests.Support;

namespace MiniQuantDesk.Journal.Tests.Runs;

/// <summary>
/// The run lifecycle and arm state as the database keeps them. Each test uses engines of its own, so the tests share
/// the class's database without seeing each other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RunStoreTests(PostgresCluster cluster)
{
    private static int _nextEngine;
    private readonly FakeClock _clock = new();

    [Fact]
    public async Task Create_issues_a_uuid_and_a_run_number_in_created_at_the_engine_clock_time()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();

        RunRecord first = await store.CreateAsync(engine, RunMode.Paper);
        RunRecord second = await store.CreateAsync(engine, RunMode.Live);

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.True(second.RunNumber > first.RunNumber);
        Assert.Equal(RunState.Created, first.State);
        Assert.Equal((engine, RunMode.Live), (second.EngineId, second.Mode));
        Assert.Equal(FakeClock.Epoch, first.CreatedAt);
        Assert.Null(first.HeartbeatAt);
    }

    [Fact]
    public async Task Arm_start_stop_walks_the_lifecycle_arming_the_engine_then_disarming_it_when_nothing_is_active()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await store.CreateAsync(engine, RunMode.Paper);

        RunRecord armed = await store.ArmAsync(RunReference.Of(run.RunId));
        Assert.Equal(RunState.Armed, armed.State);
        Assert.Equal(new EngineArmState(engine, true, null, FakeClock.Epoch), await store.ArmStateAsync(engine));

        _clock.Advance(TimeSpan.FromSeconds(5));
        RunRecord running = await store.StartAsync(RunReference.Of(run.RunNumber));
        Assert.Equal(RunState.Running, running.State);
        Assert.Equal(_clock.GetUtcNow(), running.StartedAt);
        Assert.Equal(_clock.GetUtcNow(), running.HeartbeatAt);

        RunRecord stopped = await store.StopAsync(RunReference.Of(run.RunId));
        Assert.Equal(RunState.Stopped, stopped.State);
        EngineArmState? arm = await store.ArmStateAsync(engine);
        Assert.False(arm!.Armed);
        Assert.StartsWith("stop: run ", arm.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_illegal_transition_is_refused_naming_the_state_and_what_is_allowed_and_changes_nothing()
    {
        RunStore store = await StoreAsync();
        RunRecord run = await store.CreateAsync(NewEngine(), RunMode.Paper);

        var refused = await Assert.ThrowsAsync<RunRefusedException>(() => store.StartAsync(RunReference.Of(run.RunId)));

        Assert.Contains("cannot start a run that is CREATED", refused.Message, StringComparison.Ordinal);
        Assert.Contains("arm, stop, halt", refused.Message, StringComparison.Ordinal);
        Assert.Contains(run.RunId.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Equal(run, await store.StatusAsync(RunReference.Of(run.RunId)));
    }

    [Fact]
    public async Task A_halted_run_stays_halted_until_an_operator_clears_it_to_stopped_keeping_the_reason_and_the_note()
    {
        RunStore store = await StoreAsync();
        RunRecord run = await RunningAsync(store, NewEngine(), RunMode.Paper);
        RunReference reference = RunReference.Of(run.RunId);
        await store.HaltAsync(reference, "operator: broker looks wrong");

        foreach (Func<Task<RunRecord>> attempt in (Func<Task<RunRecord>>[])[
            () => store.ArmAsync(reference), () => store.StartAsync(reference), () => store.StopAsync(reference),
            () => store.HaltAsync(reference, "again"), () => store.HeartbeatAsync(reference)])
        {
            var refused = await Assert.ThrowsAsync<RunRefusedException>(attempt);
            Assert.Contains("HALTED", refused.Message, StringComparison.Ordinal);
        }

        RunRecord halted = await store.StatusAsync(reference);
        Assert.Equal((RunState.Halted, "operator: broker looks wrong"), (halted.State, halted.HaltReason));

        RunRecord cleared = await store.ClearHaltAsync(reference, "checked the broker: flat");
        Assert.Equal(RunState.Stopped, cleared.State);
        Assert.Equal("operator: broker looks wrong", cleared.HaltReason);
        Assert.Equal("checked the broker: flat", cleared.ClearNote);
        await Assert.ThrowsAsync<RunRefusedException>(() => store.ArmAsync(reference));
    }

    [Fact]
    public async Task Halting_disarms_the_engine_with_the_halt_reason()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await RunningAsync(store, engine, RunMode.Live);

        await store.HaltAsync(RunReference.Of(run.RunId), "GAP_DETECTED: SPY 1m, 3 bars missing");

        EngineArmState? arm = await store.ArmStateAsync(engine);
        Assert.Equal((false, "GAP_DETECTED: SPY 1m, 3 bars missing"), (arm!.Armed, arm.Reason));
    }

    [Fact]
    public async Task A_halt_is_sticky_for_its_engine_no_run_of_it_can_be_armed_until_the_halt_is_cleared()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord halted = await store.CreateAsync(engine, RunMode.Paper);
        await store.HaltAsync(RunReference.Of(halted.RunId), "reconcile: drift on MSFT");
        RunRecord next = await store.CreateAsync(engine, RunMode.Paper);

        var refused = await Assert.ThrowsAsync<RunRefusedException>(() => store.ArmAsync(RunReference.Of(next.RunId)));
        Assert.Contains($"run {halted.RunNumber}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("reconcile: drift on MSFT", refused.Message, StringComparison.Ordinal);
        Assert.Contains("mqd run clear", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RunState.Created, (await store.StatusAsync(RunReference.Of(next.RunId))).State);

        await store.ClearHaltAsync(RunReference.Of(halted.RunId), "drift explained");
        Assert.Equal(RunState.Armed, (await store.ArmAsync(RunReference.Of(next.RunId))).State);
    }

    [Fact]
    public async Task A_second_active_live_run_of_an_engine_is_refused_naming_the_other_run()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord first = await RunningAsync(store, engine, RunMode.Live);
        RunRecord second = await store.CreateAsync(engine, RunMode.Live);

        var refused = await Assert.ThrowsAsync<RunRefusedException>(() => store.ArmAsync(RunReference.Of(second.RunId)));

        Assert.Contains("already has an active LIVE run", refused.Message, StringComparison.Ordinal);
        Assert.Contains(first.RunId.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Contains($"run {first.RunNumber}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RunState.Created, (await store.StatusAsync(RunReference.Of(second.RunId))).State);
        Assert.True((await store.ArmStateAsync(engine))!.Armed);
    }

    [Fact]
    public async Task A_live_run_of_another_engine_and_a_paper_run_of_the_same_engine_may_be_armed_beside_a_running_live_run()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        await RunningAsync(store, engine, RunMode.Live);

        RunRecord paper = await store.CreateAsync(engine, RunMode.Paper);
        RunRecord otherEngine = await store.CreateAsync(NewEngine(), RunMode.Live);

        Assert.Equal(RunState.Armed, (await store.ArmAsync(RunReference.Of(paper.RunId))).State);
        Assert.Equal(RunState.Armed, (await store.ArmAsync(RunReference.Of(otherEngine.RunId))).State);
    }

    [Fact]
    public async Task A_disarmed_engine_cannot_start_an_armed_run()
    {
        RunStore store = await StoreAsync();
        int engine = NewEngine();
        RunRecord run = await store.CreateAsync(engine, RunMode.Paper);
        await store.ArmAsync(RunReference.Of(run.RunId));
        await store.BootAsync(engine, TimeSpan.FromSeconds(30));

        var refused = await Assert.ThrowsAsync<RunRefusedException>(() => store.StartAsync(RunReference.Of(run.RunId)));

        Assert.Contains("disarmed", refused.Message, StringComparison.Ordinal);
        Assert.Contains(RunStore.BootDisarmReason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(RunState.Armed, (await store.StatusAsync(RunReference.Of(run.RunId))).State);
    }

    [Fact]
    public async Task Only_a_running_run_has_a_heartbeat_and_it_comes_from_the_engine_clock()
    {
        RunStore store = await StoreAsync();
        RunRecord created = await store.CreateAsync(NewEngine(), RunMode.Paper);
        var refused = await Assert.ThrowsAsync<RunRefusedException>(() => store.HeartbeatAsync(RunReference.Of(created.RunId)));
        Assert.Contains("only a RUNNING run has a heartbeat", refused.Message, StringComparison.Ordinal);

        RunRecord running = await RunningAsync(store, NewEngine(), RunMode.Paper);
        _clock.Advance(TimeSpan.FromSeconds(7));
        RunRecord beat = await store.HeartbeatAsync(RunReference.Of(running.RunNumber));

        Assert.Equal(_clock.GetUtcNow(), beat.HeartbeatAt);
    }

    [Fact]
    public async Task An_unknown_run_is_refused_by_name()
    {
        RunStore store = await StoreAsync();

        var refused = await Assert.ThrowsAsync<RunRefusedException>(() => store.ArmAsync(RunReference.Of(4_000_000_000L)));

        Assert.Contains("run 4000000000: no such run", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_accepts_exactly_what_the_lifecycle_allows_for_any_command_sequence()
    {
        RunStore store = await StoreAsync();
        Arbitrary<RunTransition[]> sequences = Gen.ListOf(Gen.Elements(Enum.GetValues<RunTransition>()))
            .Select(list => list.Take(8).ToArray())
            .ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), Prop.ForAll(sequences, sequence =>
        {
            // One run per engine, so only the lifecycle (not another run's halt) decides.
            RunRecord run = store.CreateAsync(NewEngine(), RunMode.Live).GetAwaiter().GetResult();
            RunReference reference = RunReference.Of(run.RunId);
            RunState model = RunState.Created;
            foreach (RunTransition transition in sequence)
            {
                RunTransitionOutcome expected = RunLifecycle.Apply(model, transition);
                bool accepted;
                try
                {
                    Apply(store, reference, transition).GetAwaiter().GetResult();
                    accepted = true;
                }
                catch (RunRefusedException)
                {
                    accepted = false;
                }

                RunRecord actual = store.StatusAsync(reference).GetAwaiter().GetResult();
                if (accepted != expected.Allowed || actual.State != expected.To)
                {
                    return false;
                }

                model = expected.To;
            }

            return true;
        }));
    }

    private static Task<RunRecord> Apply(RunStore store, RunReference run, RunTransition transition) => transition switch
    {
        RunTransition.Arm => store.ArmAsync(run),
        RunTransition.Start => store.StartAsync(run),
        RunTransition.Stop => store.StopAsync(run),
        RunTransition.Halt => store.HaltAsync(run, "property: halt"),
        _ => store.ClearHaltAsync(run, "property: clear"),
    };

    private static async Task<RunRecord> RunningAsync(RunStore store, int engine, RunMode mode)
    {
        RunRecord run = await store.CreateAsync(engine, mode);
        await store.ArmAsync(RunReference.Of(run.RunId));
        return await store.StartAsync(RunReference.Of(run.RunId));
    }

    private static int NewEngine() => Interlocked.Increment(ref _nextEngine);

    private async Task<RunStore> StoreAsync() => new(await cluster.MigratedDatabaseForAsync(GetType()), _clock);
}
