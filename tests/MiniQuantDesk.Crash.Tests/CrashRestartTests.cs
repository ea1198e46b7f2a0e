using System.Globalization;
using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Crash.Tests.Support;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Runs;

namespace MiniQuantDesk.Crash.Tests;

/// <summary>
/// Kills a child process that trades through the journal, the dispatcher and a paper broker (whose truth lives in its
/// own schema, so it survives the kill) at random points, restarts it, and checks the durability laws each time:
/// <code>
/// test ──start──▶ child: boot ─▶ quarantine check ─▶ run ─▶ [bars ─▶ ring ─▶ journal ─▶ dispatcher ─▶ paper broker ─▶ pump ─▶ ring]
///   │                                                                       │ k more committed rows
///   └──────────────────────────── SIGKILL ◀─────────────────────────────────┘
///   then: no order sent twice · every broker fill journaled exactly once · journal positions = broker positions ·
///         engine positions and cash after restore and catch-up = broker positions and cash ·
///         quarantined at the next start ⇔ a submit's outcome was unknown (then resolved as an operator would)
/// </code>
/// Each child restores its engine from the journal of all earlier runs before it arms, then catches up with the
/// broker's events after the journal's cursor and writes its engine's portfolio (positions and cash, from memory) to
/// <c>crash_child.portfolio_snapshots</c>: that must equal the broker's truth at the kill. A restarted engine therefore
/// knows every earlier order, so the only halts an operator may clear between starts are the kill's (the deadman's)
/// and a quarantine's; any other halt fails the test with its reason.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashRestartTests(PostgresCluster cluster)
{
    private const int EngineId = 1;
    private const int Kills = 24;

    /// <summary>The child's engine and paper account start with this cash (CrashChildHost.InitialCash); the broker
    /// refuses to open an account with another amount, so a drift between the two fails loudly.</summary>
    private static readonly Money s_initialCash = new(Micros.FromUnits(1_000_000));
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_progressTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Killing_the_child_at_random_points_never_sends_an_order_twice_never_loses_or_repeats_a_fill_and_quarantines_exactly_on_unknown_outcomes()
    {
        string connectionString = await cluster.MigratedDatabaseForAsync(GetType());
        var database = new CrashDatabase(connectionString, EngineId.ToString(CultureInfo.InvariantCulture));
        string childDll = CrashChildLocator.Find();
        int masterSeed = int.TryParse(Environment.GetEnvironmentVariable("MQD_CRASH_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out int given)
            ? given
            : Random.Shared.Next();
#pragma warning disable CA5394 // Not security: the seed makes the kill schedule repeatable (MQD_CRASH_SEED).
        var random = new Random(masterSeed);
        await using PaperBroker broker = await PaperBroker.OpenAsync(connectionString, new PaperBrokerOptions { InitialCash = s_initialCash });
        var operatorDesk = new OperatorDesk(connectionString, broker);
        PaperBrokerTruth? atLastKill = null;
        int quarantines = 0;
        long feesCharged = 0;
        int catchUpsOverUnjournaledEvents = 0;

        for (int iteration = 1; iteration <= Kills + 1; iteration++)
        {
            bool last = iteration == Kills + 1;
            int seed = random.Next();
            int? answerLostAt = !last && random.Next(4) == 0 ? random.Next(1, 4) : null;
            string where = string.Create(CultureInfo.InvariantCulture, $"iteration {iteration} (master seed {masterSeed}, MQD_CRASH_SEED to repeat; child seed {seed}, answer lost at submit {answerLostAt?.ToString(CultureInfo.InvariantCulture) ?? "never"})");

            PaperBrokerTruth beforeStart = atLastKill ?? await broker.ReadTruthAsync();
            catchUpsOverUnjournaledEvents += await database.JournalCursorAsync() < beforeStart.LastEventId ? 1 : 0;
            (CrashChildProcess child, bool wasQuarantined) = await StartRunningAsync(database, operatorDesk, childDll, seed, answerLostAt, where);
            quarantines += wasQuarantined ? 1 : 0;
            using CrashChildProcess disposeAtEnd = child;
            await AssertEngineMatchesBrokerAsync(database, beforeStart, child, $"{where}, after the restart restored from the journal and caught up with the broker");

            if (atLastKill is not null)
            {
                long needed = atLastKill.LastEventId;
                await WaitUntilAsync(async () => await database.JournalCursorAsync() >= needed, database, child, $"{where}: the journal's broker cursor to reach event {needed}, the broker's last at the kill");
                await AssertJournalMatchesBrokerAsync(database, atLastKill, $"{where}, after the restart caught up with the broker's events up to the kill");
            }

            if (last)
            {
                int exit = await child.StopAsync(s_progressTimeout);
                Assert.True(exit == 0, $"{where}: the last child, told to stop, exited with {exit}:{Environment.NewLine}{child.Transcript}");
                await AssertNothingDoubledAsync(database, $"{where}, after the clean stop");
                break;
            }

            long from = await database.ProgressAsync();
            int rows = random.Next(2, 40);
            await WaitUntilAsync(
                async () => await database.ProgressAsync() >= from + rows || await database.QuiescentAsync(),
                database,
                child,
                string.Create(CultureInfo.InvariantCulture, $"{where}: {rows} more committed rows (from {from}), or a halted run with nothing left to do"));
            child.Kill();
            await WaitUntilAsync(async () => await database.SessionsOfAsync(child.ApplicationName) == 0, database, child, $"{where}: the killed child's database sessions to end (a statement it sent may still commit)", childMayExit: true);
            atLastKill = await broker.ReadTruthAsync();
            feesCharged = atLastKill.Fills.Sum(fill => fill.FeeMicros);
            await AssertNothingDoubledAsync(database, $"{where}, right after the kill");
        }
#pragma warning restore CA5394

        Assert.True(atLastKill is { Fills.Count: > 0 }, $"master seed {masterSeed}: the children never traded, so the laws were checked on nothing");
        Assert.True(catchUpsOverUnjournaledEvents > 0, $"master seed {masterSeed}: no kill left broker events the journal had not committed, so no restart had to catch up over them and the catch-up was never checked");
        Assert.True(feesCharged > 0, $"master seed {masterSeed}: the broker charged no fees, so the cash law never checked that fees are applied once");
        Assert.True(quarantines > 0, $"master seed {masterSeed}: no start was quarantined in {Kills} kills, so the quarantine law was only checked one way");
    }

    /// <summary>
    /// Starts children until one runs: a quarantined start must happen exactly when a submit's outcome is unknown (the
    /// operator then resolves each such order from the broker's truth); a start refused for a halted run makes the
    /// operator clear the halt, but only a halt the kill (the deadman) or the quarantine explains; a child that halts
    /// while restoring fails the test.
    /// </summary>
    private static async Task<(CrashChildProcess Child, bool WasQuarantined)> StartRunningAsync(
        CrashDatabase database, OperatorDesk operatorDesk, string childDll, int seed, int? answerLostAt, string where)
    {
        bool wasQuarantined = false;
        for (int attempt = 1; attempt <= 4; attempt++)
        {
            long unknown = await database.UnknownOutcomesAsync();
            var child = CrashChildProcess.Start(childDll, database.ConnectionString, EngineId, seed, answerLostAt);
            ChildStart start;
            try
            {
                start = await child.WaitForStartAsync(s_startTimeout);
            }
            catch
            {
                child.Dispose();
                throw;
            }

            string state = $"{where}, start {attempt}: {unknown} outbox row(s) with an unknown outcome before the start; the child {start}; {await database.DescribeAsync()}; it printed:{Environment.NewLine}{child.Transcript}";
            Assert.True((unknown > 0) == start.Quarantined, $"quarantine law broken (check: quarantined exactly on unknown outcomes): {state}");
            if (start.Running)
            {
                return (child, wasQuarantined);
            }

            child.Dispose();
            if (start.Quarantined)
            {
                wasQuarantined = true;
                await operatorDesk.ResolveFromBrokerTruthAsync(EngineId);
            }
            else if (start.ArmRefused)
            {
                await AssertOnlyExpectedHaltsAsync(database, wasQuarantined, state);
                await operatorDesk.ClearHaltsAsync(EngineId);
            }
            else if (start.RestoreHalted)
            {
                Assert.Fail($"the engine halted while restoring from the journal or catching up with the broker (check: restore without a halt): {state}");
            }
            else
            {
                Assert.Fail($"the child failed to start: {state}");
            }
        }

        throw new InvalidOperationException($"{where}: the child did not reach RUNNING in 4 starts");
    }

    /// <summary>
    /// The halts an operator may clear: the deadman's (the kill left the run RUNNING) and, after a quarantined start,
    /// the child's own halt over the unknown outcome (<c>OPERATOR_HALT</c>). Anything else — an engine that met an
    /// order it did not know, a fill it refused — means the restore is wrong.
    /// </summary>
    private static async Task AssertOnlyExpectedHaltsAsync(CrashDatabase database, bool afterQuarantine, string state)
    {
        List<string> halted = await database.HaltedRunsAsync();
        List<string> unexplained = [.. halted.Where(line =>
        {
            string reason = line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            return !reason.StartsWith("deadman:", StringComparison.Ordinal)
                && !(afterQuarantine && reason.StartsWith("OPERATOR_HALT:", StringComparison.Ordinal));
        })];
        Assert.True(unexplained.Count == 0, $"halts neither the kill nor a quarantine explains (check: only expected halts): [{string.Join("; ", unexplained)}]; {state}");
    }

    /// <summary>The engine's own portfolio, as its child held it after restoring and catching up, equals the broker's
    /// truth as it was before the child started (nothing has traded since).</summary>
    private static async Task AssertEngineMatchesBrokerAsync(CrashDatabase database, PaperBrokerTruth truth, CrashChildProcess child, string where)
    {
        EngineSnapshot? snapshot = await database.NewestSnapshotAsync();
        Assert.True(snapshot is not null, $"{where} (check: engine snapshot): the running child wrote no portfolio snapshot; {await database.DescribeAsync()}; it printed:{Environment.NewLine}{child.Transcript}");
        Assert.True(
            snapshot.TakenAtEvent == truth.LastEventId,
            $"{where} (check: caught up): run {snapshot.Run} took its snapshot at broker event {snapshot.TakenAtEvent}, but the broker's last event was {truth.LastEventId}");
        List<string> expectedPositions = [.. truth.Positions.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))];
        Assert.True(
            expectedPositions.SequenceEqual(snapshot.Positions),
            $"{where} (check: engine positions): run {snapshot.Run}'s engine holds [{string.Join(", ", snapshot.Positions)}], the broker [{string.Join(", ", expectedPositions)}] after {truth.Fills.Count} fill(s); {await database.DescribeAsync()}");
        Assert.True(
            snapshot.CashMicros == truth.Cash.Micros,
            string.Create(CultureInfo.InvariantCulture, $"{where} (check: engine cash): run {snapshot.Run}'s engine has {snapshot.CashMicros} micros of cash, the broker {truth.Cash.Micros} (difference {snapshot.CashMicros - truth.Cash.Micros}; the broker charged {truth.Fills.Sum(fill => fill.FeeMicros)} in fees over {truth.Fills.Count} fill(s))"));
    }

    private static async Task AssertJournalMatchesBrokerAsync(CrashDatabase database, PaperBrokerTruth truth, string where)
    {
        List<string> expectedFills = [.. truth.Fills.Select(fill => string.Create(CultureInfo.InvariantCulture, $"{fill.FillId} {fill.ClientOrderId} {fill.Quantity}@{fill.PriceMicros}"))];
        List<string> journaled = await database.JournalFillsAsync(truth.LastEventId);
        Assert.True(
            expectedFills.SequenceEqual(journaled),
            $"{where}: the inbox's fills differ from the broker's (lost: [{string.Join(", ", expectedFills.Except(journaled))}]; not at the broker or repeated: [{string.Join(", ", journaled.Except(expectedFills))}]; {journaled.Count} journaled, {expectedFills.Count} at the broker); {await database.DescribeAsync()}");

        List<string> expectedPositions = [.. truth.Positions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))];
        List<string> positions = await database.JournalPositionsAsync(truth.LastEventId);
        Assert.True(
            expectedPositions.SequenceEqual(positions),
            $"{where}: the journal's positions [{string.Join(", ", positions)}] differ from the broker's [{string.Join(", ", expectedPositions)}]; fills of orders the outbox does not hold: [{string.Join(", ", await database.FillsOfUnknownOrdersAsync())}]");
    }

    private static async Task AssertNothingDoubledAsync(CrashDatabase database, string where)
    {
        List<string> submitted = await database.SubmittedMoreThanOnceAsync();
        Assert.True(submitted.Count == 0, $"{where}: client order ids sent to the broker more than once: {string.Join(", ", submitted)}");
        List<string> attempted = await database.AttemptedMoreThanOnceAsync();
        Assert.True(attempted.Count == 0, $"{where}: outbox rows sent more than once: {string.Join(", ", attempted)}");
        List<string> unsourced = await database.BrokerOrdersWithoutASourceAsync();
        Assert.True(unsourced.Count == 0, $"{where}: broker orders without a committed outbox row or a logged submit: {string.Join(", ", unsourced)}");
        List<string> doubled = await database.JournaledMoreThanOnceAsync();
        Assert.True(doubled.Count == 0, $"{where}: broker fills or messages journaled more than once: {string.Join(", ", doubled)}");
    }

    /// <summary>Polls the database until <paramref name="condition"/> holds; fails after <see cref="s_progressTimeout"/>,
    /// or at once if the child died meanwhile.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CrashDatabase database, CrashChildProcess child, string what, bool childMayExit = false)
    {
        DateTime deadline = DateTime.UtcNow + s_progressTimeout;
        while (!await condition())
        {
            if ((child.HasExited && !childMayExit) || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"waited in vain for {what} ({(child.HasExited && !childMayExit ? "the child exited" : $"{s_progressTimeout.TotalSeconds:0} s passed")}); {await database.DescribeAsync()}; the child printed:{Environment.NewLine}{child.Transcript}");
            }

            await Task.Delay(s_pollInterval);
        }
    }
}
