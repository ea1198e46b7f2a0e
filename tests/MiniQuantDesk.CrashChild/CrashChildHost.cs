using System.Globalization;
using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Recovery;
using MiniQuantDesk.Journal.Runs;
using MiniQuantDesk.Journal.Writing;
using MiniQuantDesk.Ring.WaitStrategies;
using Npgsql;

namespace MiniQuantDesk.CrashChild;

/// <summary>
/// Boots and runs one engine the way a daemon would, until told to stop (a line <c>stop</c> on standard input, or its
/// end) or killed:
/// <code>
/// boot (deadman, disarm) ─▶ quarantine check ─▶ run create ─▶ restore from the journal (all runs) ─▶ run arm/start
///   ─▶ catch up with the broker's events after the journal's cursor ─▶ portfolio snapshot ─▶ pipeline armed (live)
///
/// seeded bars ──(broker price = close)──▶ ┌ ring ┐ ─▶ business logic ─▶ journal ─▶ (committed outbox rows)
/// paper broker events ─▶ pump ──────────▶ └──────┘                                         │
///        ▲   (from the journal's broker cursor)                                            ▼
///        └──────────────── paper broker ◀── submit log ◀── OutboxDispatcher (claims committed rows)
/// </code>
/// Everything it does lands in the database; nothing of its memory survives a kill but what the journal committed,
/// which is what the next process starts from. It prints one line per milestone on standard output
/// (<c>RESTORED</c>, <c>CAUGHT_UP</c>, <c>RUNNING</c>, <c>QUARANTINED</c>, <c>ARM_REFUSED</c>, <c>RESTORE_HALTED</c>,
/// <c>QUARANTINE</c>, <c>HALTED</c>, <c>STOPPED</c>) for the tests to wait on. The snapshot is taken when the
/// business logic has decided every broker event there was at the start, before this process sends or prices
/// anything: the broker's truth at that moment is the truth the last process left behind.
/// </summary>
public sealed class CrashChildHost
{
    /// <summary>The one symbol it trades.</summary>
    public const string SymbolText = "SPY";

    /// <summary>The fee per filled share the paper broker charges (half a cent), and so the engine pays: each fill
    /// carries its fee, so the engine's cash equals the broker's only if fees are applied exactly once.</summary>
    public const long FeePerShareMicros = 5_000;

    /// <summary>The cash both the engine and the paper account start with (the broker refuses a different amount
    /// once its account exists, so the two cannot drift apart silently).</summary>
    public static readonly Money InitialCash = new(Micros.FromUnits(1_000_000));

    private static readonly TimeSpan s_heartbeatInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_pumpIdle = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan s_catchUpTimeout = TimeSpan.FromSeconds(30);

    private readonly CrashChildOptions _options;
    private readonly string _engineText;
    private long _lastEventTimeNs = SeededBars.ArmTimeNs;
    private int _submits;

    /// <summary>A host for <paramref name="options"/>.</summary>
    public CrashChildHost(CrashChildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _engineText = options.EngineId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Boots, runs until stopped, and says how it ended.</summary>
    public async Task<CrashChildExit> RunAsync()
    {
        try
        {
            return await BootAndRunAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Not swallowed: every failure is printed and ends the process with a failure code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"FAILED: {exception}").ConfigureAwait(false);
            return CrashChildExit.Failed;
        }
    }

    private async Task<CrashChildExit> BootAndRunAsync()
    {
        string database = _options.ConnectionString;
        TimeProvider time = TimeProvider.System;
        var runs = new RunStore(database, time);
        BootOutcome boot = await runs.BootAsync(_options.EngineId, _options.DeadmanTtl).ConfigureAwait(false);
        foreach (RunRecord halted in boot.HaltedByDeadman)
        {
            Say($"DEADMAN: {halted.Describe()}: {halted.HaltReason}");
        }

        QuarantineReport quarantine = await new QuarantineCheck(database, time).CheckAsync(_engineText).ConfigureAwait(false);
        if (quarantine.IsQuarantined)
        {
            Say($"QUARANTINED: {quarantine.DisarmReason}");
            return CrashChildExit.Quarantined;
        }

        await using PaperBroker broker = await PaperBroker.OpenAsync(
            database,
            new PaperBrokerOptions { InitialCash = InitialCash, FeePerShareMicros = FeePerShareMicros, SubmitFault = DecideFault }).ConfigureAwait(false);
        RunRecord run = await runs.CreateAsync(_options.EngineId, RunMode.Paper).ConfigureAwait(false);
        RunReference reference = RunReference.Of(run.RunId);
        var symbols = new SymbolTable();
        SymbolId symbol = symbols.Register(SymbolText);
        using var journal = new JournalWriter(new JournalWriterOptions
        {
            ConnectionString = database,
            RunId = run.RunId,
            RunNumber = run.RunNumber,
            EngineId = _options.EngineId,
            SymbolName = symbols.NameOf,
            BrokerIdText = PaperBrokerIds.JournalText,
        });
        TradingPipeline pipeline = TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [Spec(run.RunNumber)],
            Driver = PipelineDriver.Threaded,
            Downstream = [journal],
            RingSize = 1024,
            WaitStrategy = static () => new BlockingWaitStrategy(),
        });
        pipeline.Start();

        // Restore before anything live: the orders and fills of every earlier run, so that the broker's events for
        // them are known when they come, and the portfolio starts where the journal left it.
        long? cursor = await RestoreAsync(pipeline, symbols, database).ConfigureAwait(false);
        if (cursor is null)
        {
            await HaltRunAsync(runs, reference, "RESTORE_HALTED: the engine halted while restoring from the journal (see the child's output)").ConfigureAwait(false);
            pipeline.DrainAndStop(TimeSpan.FromSeconds(10));
            return CrashChildExit.RestoreHalted;
        }

        try
        {
            await runs.ArmAsync(reference).ConfigureAwait(false);
        }
        catch (RunRefusedException refused)
        {
            await runs.StopAsync(reference).ConfigureAwait(false);
            pipeline.DrainAndStop(TimeSpan.FromSeconds(10));
            Say($"ARM_REFUSED: {refused.Message}");
            return CrashChildExit.ArmRefused;
        }

        await runs.StartAsync(reference).ConfigureAwait(false);
        var pump = new PaperBrokerEventPump(broker, pipeline, symbols);
        long caughtUp = await CatchUpAsync(pipeline, pump, cursor.Value).ConfigureAwait(false);
        if (pipeline.Gateway.BookAt(0).Halt is { IsSet: true } caughtUpHalt)
        {
            // The journal records the halt (the run is HALTED with the engine's reason); the engine is never armed.
            Say(string.Create(CultureInfo.InvariantCulture, $"RESTORE_HALTED: the engine halted while catching up with the broker's events {cursor.Value + 1} to {caughtUp}: {caughtUpHalt.Describe()}"));
            pipeline.DrainAndStop(TimeSpan.FromSeconds(10));
            return CrashChildExit.RestoreHalted;
        }

        EnginePortfolio portfolio = pipeline.Gateway.BookAt(0).Portfolio;
        var positions = new Dictionary<string, long>(StringComparer.Ordinal) { [SymbolText] = portfolio.PositionOf(symbol).Quantity };
        await PortfolioSnapshots.WriteAsync(database, run.RunNumber, positions, portfolio.Cash, caughtUp, CancellationToken.None).ConfigureAwait(false);
        Say(string.Create(CultureInfo.InvariantCulture, $"CAUGHT_UP: broker event {caughtUp}, {SymbolText} {positions[SymbolText]}, cash {portfolio.Cash.Micros} micros"));

        pipeline.PublishControl(_options.EngineId, SeededBars.ArmTimeNs, ControlKind.ReconcileClean);
        pipeline.PublishControl(_options.EngineId, SeededBars.ArmTimeNs, ControlKind.Arm);

        await using SubmitLog submitLog = await SubmitLog.OpenAsync(database, broker, CancellationToken.None).ConfigureAwait(false);
        await using var dispatcher = new OutboxDispatcher(
            database,
            submitLog,
            new OutboxDispatcherOptions
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"crash-child-{Environment.ProcessId}-run-{run.RunNumber}"),
                BatchSize = 32,
                Lease = TimeSpan.FromSeconds(3),
                IdleDelay = TimeSpan.FromMilliseconds(5),
            },
            time,
            quarantined => OnQuarantine(pipeline, quarantined));

        Say(string.Create(CultureInfo.InvariantCulture, $"RUNNING: run {run.RunNumber} ({run.RunId}), broker cursor {caughtUp}"));
        using var stop = new CancellationTokenSource();
        Task[] loops =
        [
            FeedBarsAsync(pipeline, broker, symbol, stop.Token),
            PumpAsync(pump, caughtUp, stop.Token),
            dispatcher.RunAsync(stop.Token),
            HeartbeatAsync(runs, reference, pipeline, journal, stop.Token),
            WaitForStopAsync(stop.Token),
        ];
        Task first = await Task.WhenAny(loops).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        Exception? failure = null;
        // Not the stdin reader: a read of standard input cannot be cancelled, and it has nothing to clean up.
        foreach (Task loop in loops[..^1])
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The loop ended because the child is stopping.
            }
            catch (Exception exception) when (failure is null)
            {
                failure = exception;
            }
        }

        pipeline.DrainAndStop(TimeSpan.FromSeconds(10));
        if (failure is not null || first != loops[^1])
        {
            throw new InvalidOperationException("a loop of the child ended on its own, which only a failure does", failure ?? pipeline.Fault?.Exception);
        }

        RunRecord last = await runs.StatusAsync(reference).ConfigureAwait(false);
        if (last.State == RunState.Running)
        {
            last = await runs.StopAsync(reference).ConfigureAwait(false);
        }

        Say($"STOPPED: {last.Describe()}");
        return CrashChildExit.Stopped;
    }

    /// <summary>
    /// Rebuilds the engine from the journal of all its runs; returns the broker event id to resume after, or null when
    /// the engine halted on the restore (it must not be armed).
    /// </summary>
    /// <exception cref="InvalidOperationException">The recovery's cursor and the journal's disagree.</exception>
    private async Task<long?> RestoreAsync(TradingPipeline pipeline, SymbolTable symbols, string database)
    {
        var recovery = new JournalRecovery(new JournalRecoveryOptions
        {
            ConnectionString = database,
            SymbolOf = text => symbols.TryGet(text, out SymbolId id) ? id : SymbolId.None,
            BrokerIdHandle = PaperJournalIds.Handle,
        });
        RecoveryResult restored = await recovery.RestoreAsync(pipeline, _options.EngineId, CancellationToken.None).ConfigureAwait(false);
        Say(string.Create(
            CultureInfo.InvariantCulture,
            $"RESTORED: {restored.RunsRead} earlier run(s), {restored.OrdersRestored} order(s), {restored.RequestsRestored} request(s), {restored.BrokerMessagesReplayed} broker message(s) replayed, {restored.HaltRowsNotReplayed} halt row(s) not replayed, cursor {restored.LastCursor ?? "none"}"));
        if (restored.Halted)
        {
            Say($"RESTORE_HALTED: {restored.Halt.Describe()}");
            return null;
        }

        // Two readings of where the broker's stream resumes: the recovery's (the latest run's cursor) and the highest
        // any run committed. Cursors only grow across runs, so they must be the same; if not, resuming from either
        // could lose or repeat events.
        long recovered = PaperBrokerIds.CursorFromJournal(restored.LastCursor);
        long journaled = await ReadJournalCursorAsync(database).ConfigureAwait(false);
        if (recovered != journaled)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"CURSOR_MISMATCH: the recovery resumes the broker's events after {recovered} (the latest run's cursor '{restored.LastCursor}'), but the journal's highest cursor over all runs is {journaled}"));
        }

        return recovered;
    }

    /// <summary>Publishes every broker event after <paramref name="cursor"/> and waits until the business logic
    /// decided through the last of them; returns the last event id published.</summary>
    private static async Task<long> CatchUpAsync(TradingPipeline pipeline, PaperBrokerEventPump pump, long cursor)
    {
        long caughtUp = await pump.PublishAllAsync(cursor).ConfigureAwait(false);
        long sequence = pipeline.Ring.Cursor;
        DateTime deadline = DateTime.UtcNow + s_catchUpTimeout;
        while (pipeline.DecidedThrough < sequence)
        {
            if (pipeline.Fault is { } fault)
            {
                throw new InvalidOperationException($"the pipeline faulted while catching up at sequence {fault.Sequence}", fault.Exception);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the pipeline decided only through sequence {pipeline.DecidedThrough} of {sequence} within {s_catchUpTimeout.TotalSeconds:0} s of catching up to broker event {caughtUp}"));
            }

            // The business logic runs on its own threads: give them the core, and look again.
            await Task.Delay(1).ConfigureAwait(false);
        }

        return caughtUp;
    }

    /// <summary>Halts the run (fail closed) unless the journal already did, with the engine's own reason.</summary>
    private static async Task HaltRunAsync(RunStore runs, RunReference reference, string reason)
    {
        RunRecord current = await runs.StatusAsync(reference).ConfigureAwait(false);
        if (current.State != RunState.Halted)
        {
            await runs.HaltAsync(reference, reason).ConfigureAwait(false);
        }
    }

    private EngineSpec Spec(long runNumber) => new()
    {
        EngineId = _options.EngineId,
        RunId = runNumber,
        Strategy = static () => new ChurnStrategy(),
        InitialCash = CrashChildHost.InitialCash,
        AllocationCap = new Money(Micros.FromUnits(10_000_000)),
        SymbolCapacity = 8,
        Risk = new RiskLimits { PatternDayTraderRule = false },
        OrderCapacity = 1 << 16,
        FillCapacity = 1 << 16,
    };

    /// <summary>The simulated fault: the n-th submit of this process loses the broker's answer.</summary>
    private PaperSubmitFault DecideFault(OutboxOrder order) =>
        Interlocked.Increment(ref _submits) == _options.AnswerLostAt ? PaperSubmitFault.AnswerLost : PaperSubmitFault.None;

    /// <summary>The dispatcher disarmed the engine over an unknown outcome: the engine halts too (sticky, journaled).</summary>
    private void OnQuarantine(TradingPipeline pipeline, EngineQuarantine quarantined)
    {
        Say($"QUARANTINE: {quarantined.Reason}");
        pipeline.PublishControl(_options.EngineId, Volatile.Read(ref _lastEventTimeNs), ControlKind.Halt);
    }

    /// <summary>The event id to resume the broker's stream after: the highest cursor any run of the engine committed
    /// (event ids are the broker's, increasing across runs).</summary>
    private async Task<long> ReadJournalCursorAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT c.cursor FROM broker_cursor AS c JOIN runs AS r ON r.run_id = c.run_id WHERE r.engine_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _engineText });
        long cursor = 0;
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            cursor = Math.Max(cursor, PaperBrokerIds.CursorFromJournal(reader.GetString(0)));
        }

        return cursor;
    }

    private async Task FeedBarsAsync(TradingPipeline pipeline, PaperBroker broker, SymbolId symbol, CancellationToken cancellationToken)
    {
        var bars = new SeededBars(_options.Seed, symbol);
        while (!cancellationToken.IsCancellationRequested)
        {
            Bar bar = bars.Next();
            // The broker's price first, so an order decided on this bar fills at its close (or a later one).
            await broker.SetPriceAsync(SymbolText, bar.Close.Micros, bar.EndNs, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastEventTimeNs, bar.EndNs);
            pipeline.PublishBar(_options.EngineId, in bar);
            await Task.Delay(_options.BarInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task PumpAsync(PaperBrokerEventPump pump, long cursor, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            long next = await pump.PublishBatchAsync(cursor, cancellationToken).ConfigureAwait(false);
            if (next == cursor)
            {
                await Task.Delay(s_pumpIdle, cancellationToken).ConfigureAwait(false);
            }

            cursor = next;
        }
    }

    /// <summary>Beats while the run is RUNNING; a run the journal halted stops the beat (the deadman will judge it),
    /// and a faulted pipeline ends the child.</summary>
    private static async Task HeartbeatAsync(RunStore runs, RunReference run, TradingPipeline pipeline, JournalWriter journal, CancellationToken cancellationToken)
    {
        bool beating = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (pipeline.Fault is { } fault)
            {
                throw new InvalidOperationException($"the pipeline faulted: {journal.Failure?.Message ?? fault.Exception.Message}", fault.Exception);
            }

            if (beating)
            {
                try
                {
                    await runs.HeartbeatAsync(run, cancellationToken).ConfigureAwait(false);
                }
                catch (RunRefusedException refused)
                {
                    Say($"HALTED: {refused.Message}");
                    beating = false;
                }
            }

            await Task.Delay(s_heartbeatInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string? line = await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Trim() == "stop")
            {
                return;
            }
        }
    }

    private static void Say(string line) => Console.Out.WriteLine(line);
}
