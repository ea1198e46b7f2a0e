using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace MiniQuantDesk.Journal.Runs;

/// <summary>
/// Runs and arm state in PostgreSQL. Every transition follows <see cref="RunLifecycle"/> and is written as a guarded
/// update (<c>WHERE run_id = … AND state = expected</c>) in one transaction with the engine's arm-state change, so a
/// race lost to another process is refused, never silently overwritten. Times come from the injected
/// <see cref="System.TimeProvider"/>, never from the database's <c>now()</c>.
/// </summary>
/// <remarks>
/// Transitions of one engine are serialised by a transaction-scoped advisory lock on the engine
/// (<see cref="EngineLockClass"/>, engine id), so the engine-wide rules (no arming while a run of the engine is
/// halted, the arm state that follows a stop) are checked and written as one step. Each call opens its own pooled
/// connection; one store may be shared by threads.
/// </remarks>
public sealed class RunStore
{
    /// <summary>The highest engine id: the range a client order id can carry.</summary>
    public const int MaxEngineId = ushort.MaxValue;

    /// <summary>The first key of the per-engine advisory lock (ASCII "mqre"); the second is the engine id.</summary>
    internal const int EngineLockClass = 0x6d717265;

    /// <summary>The reason boot writes when it finds an engine armed.</summary>
    public const string BootDisarmReason = "boot: an engine always starts disarmed";

    private const string UniqueViolation = "23505";
    private const string ActiveLiveRunIndex = "runs_one_active_live_run_per_engine";

    private const string Columns =
        "run_id, run_number, engine_id, mode, state, created_at, heartbeat_at, halt_reason, armed_at, started_at, stopped_at, halted_at, clear_note";

    private readonly string _connectionString;

    /// <summary>A store over the (migrated) database at <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="timeProvider">The engine's clock: every time written comes from it.</param>
    public RunStore(string connectionString, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connectionString = connectionString;
        TimeProvider = timeProvider;
    }

    /// <summary>The clock every written time comes from.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Creates a run of <paramref name="engineId"/> in CREATED; the database issues its run number.</summary>
    /// <returns>The new run: its uuid (<see cref="RunRecord.RunId"/>) and number (<see cref="RunRecord.RunNumber"/>).</returns>
    public async Task<RunRecord> CreateAsync(int engineId, RunMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(engineId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(engineId, MaxEngineId);
        DateTimeOffset now = TimeProvider.GetUtcNow();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES (@id, @engine, @mode, 'CREATED', @now) RETURNING {Columns}",
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("id", Guid.CreateVersion7(now));
                command.Parameters.AddWithValue("engine", EngineText(engineId));
                command.Parameters.AddWithValue("mode", RunText.Of(mode));
                command.Parameters.AddWithValue("now", now);
                return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("INSERT … RETURNING returned no row");
            }
        }
    }

    /// <summary>CREATED → ARMED, and the engine armed. Refused while another run of the engine is HALTED, and for a
    /// second ARMED or RUNNING LIVE run of one engine (the refusal names the other run).</summary>
    /// <exception cref="RunRefusedException">The transition was refused; nothing changed.</exception>
    public Task<RunRecord> ArmAsync(RunReference run, CancellationToken cancellationToken = default) =>
        TransitionAsync(run, RunTransition.Arm, null, cancellationToken);

    /// <summary>ARMED → RUNNING, only while the engine is armed; counts as the first heartbeat.</summary>
    /// <exception cref="RunRefusedException">The transition was refused; nothing changed.</exception>
    public Task<RunRecord> StartAsync(RunReference run, CancellationToken cancellationToken = default) =>
        TransitionAsync(run, RunTransition.Start, null, cancellationToken);

    /// <summary>CREATED, ARMED or RUNNING → STOPPED; the engine is disarmed when no ARMED or RUNNING run of it remains
    /// (an earlier disarm reason is kept).</summary>
    /// <exception cref="RunRefusedException">The transition was refused; nothing changed.</exception>
    public Task<RunRecord> StopAsync(RunReference run, CancellationToken cancellationToken = default) =>
        TransitionAsync(run, RunTransition.Stop, null, cancellationToken);

    /// <summary>Any state but HALTED → HALTED with <paramref name="reason"/>, and the engine disarmed with it.</summary>
    /// <param name="run">The run.</param>
    /// <param name="reason">Why, for a person: a stable code and a sentence (e.g. <c>deadman: …</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RunRefusedException">The run is already HALTED (its first reason stands) or unknown.</exception>
    public Task<RunRecord> HaltAsync(RunReference run, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return TransitionAsync(run, RunTransition.Halt, reason, cancellationToken);
    }

    /// <summary>HALTED → STOPPED by an operator, recording <paramref name="operatorNote"/>. The engine stays disarmed:
    /// trading again takes a new run, armed.</summary>
    /// <exception cref="RunRefusedException">The run is not HALTED, or unknown.</exception>
    public Task<RunRecord> ClearHaltAsync(RunReference run, string operatorNote, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorNote);
        return TransitionAsync(run, RunTransition.ClearHalt, operatorNote, cancellationToken);
    }

    /// <summary>Records a sign of life of a RUNNING run (the deadman judges by it).</summary>
    /// <exception cref="RunRefusedException">The run is not RUNNING, or unknown.</exception>
    public async Task<RunRecord> HeartbeatAsync(RunReference run, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = TimeProvider.GetUtcNow();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"UPDATE runs SET heartbeat_at = @now WHERE {Where(run)} AND state = 'RUNNING' RETURNING {Columns}", connection);
            await using (command.ConfigureAwait(false))
            {
                AddReference(command, run);
                command.Parameters.AddWithValue("now", now);
                if (await ReadOneAsync(command, cancellationToken).ConfigureAwait(false) is { } beating)
                {
                    return beating;
                }
            }

            RunRecord current = await ReadAsync(connection, null, run, cancellationToken).ConfigureAwait(false) ?? throw Unknown(run);
            throw new RunRefusedException($"{current.Describe()}: only a RUNNING run has a heartbeat");
        }
    }

    /// <summary>One run as it is now.</summary>
    /// <exception cref="RunRefusedException">No such run.</exception>
    public async Task<RunRecord> StatusAsync(RunReference run, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadAsync(connection, null, run, cancellationToken).ConfigureAwait(false) ?? throw Unknown(run);
        }
    }

    /// <summary>The runs, by run number; optionally of one engine and in one state.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(int? engineId = null, RunState? state = null, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM runs WHERE (@engine::text IS NULL OR engine_id = @engine) AND (@state::text IS NULL OR state = @state) ORDER BY run_number",
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter("engine", NpgsqlDbType.Text) { Value = engineId is { } engine ? EngineText(engine) : DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Text) { Value = state is { } s ? RunText.Of(s) : DBNull.Value });
                var runs = new List<RunRecord>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        runs.Add(ReadRun(reader));
                    }
                }

                return runs;
            }
        }
    }

    /// <summary>Every engine's arm state, by engine id.</summary>
    public async Task<IReadOnlyList<EngineArmState>> ArmStatesAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand("SELECT engine_id, armed, reason, changed_at FROM arm_state", connection);
            await using (command.ConfigureAwait(false))
            {
                var states = new List<EngineArmState>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        states.Add(ReadArmState(reader));
                    }
                }

                return [.. states.OrderBy(state => state.EngineId)];
            }
        }
    }

    /// <summary>One engine's arm state, or null when it was never armed nor booted.</summary>
    public async Task<EngineArmState?> ArmStateAsync(int engineId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadArmStateAsync(connection, null, engineId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What a process does for an engine when it starts: first the deadman checks every RUNNING run of the engine
    /// (a heartbeat older than <paramref name="deadmanTtl"/> halts and disarms it), then the engine is disarmed.
    /// An armed engine gets <see cref="BootDisarmReason"/>; an engine already disarmed keeps its reason, because
    /// disarm reasons persist across restarts.
    /// </summary>
    public async Task<BootOutcome> BootAsync(int engineId, TimeSpan deadmanTtl, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(engineId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(engineId, MaxEngineId);
        IReadOnlyList<RunRecord> halted = await new DeadmanCheck(this, deadmanTtl).CheckAsync(engineId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = TimeProvider.GetUtcNow();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockEngineAsync(connection, transaction, engineId, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO arm_state (engine_id, armed, reason, changed_at) VALUES (@engine, false, @reason, @now)
                    ON CONFLICT (engine_id) DO UPDATE SET armed = false, reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at
                    WHERE arm_state.armed
                    """,
                    cancellationToken,
                    ("engine", EngineText(engineId)),
                    ("reason", BootDisarmReason),
                    ("now", now)).ConfigureAwait(false);
                EngineArmState state = await ReadArmStateAsync(connection, transaction, engineId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("arm_state row missing right after its upsert");
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new BootOutcome(state, halted);
            }
        }
    }

    /// <summary>
    /// The deadman's halt: RUNNING → HALTED with <paramref name="reason"/> only if the run is still RUNNING with the
    /// very heartbeat <paramref name="seen"/> had, so a heartbeat that arrives meanwhile saves the run.
    /// </summary>
    /// <returns>The halted run, or null when the run changed meanwhile (it is not stale any more, or not running).</returns>
    internal async Task<RunRecord?> HaltIfUnchangedAsync(RunRecord seen, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockEngineAsync(connection, transaction, seen.EngineId, cancellationToken).ConfigureAwait(false);
                var command = new NpgsqlCommand(
                    $"""
                    UPDATE runs SET state = 'HALTED', halted_at = @now, halt_reason = @reason
                    WHERE run_id = @id AND state = 'RUNNING' AND heartbeat_at IS NOT DISTINCT FROM @heartbeat
                    RETURNING {Columns}
                    """,
                    connection,
                    transaction);
                RunRecord? halted;
                await using (command.ConfigureAwait(false))
                {
                    command.Parameters.AddWithValue("now", now);
                    command.Parameters.AddWithValue("reason", reason);
                    command.Parameters.AddWithValue("id", seen.RunId);
                    command.Parameters.Add(new NpgsqlParameter("heartbeat", NpgsqlDbType.TimestampTz) { Value = seen.HeartbeatAt is { } at ? at : DBNull.Value });
                    halted = await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
                }

                if (halted is null)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                await DisarmAsync(connection, transaction, seen.EngineId, reason, now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return halted;
            }
        }
    }

    private async Task<RunRecord> TransitionAsync(RunReference run, RunTransition transition, string? text, CancellationToken cancellationToken)
    {
        DateTimeOffset now = TimeProvider.GetUtcNow();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            RunRecord seen = await ReadAsync(connection, null, run, cancellationToken).ConfigureAwait(false) ?? throw Unknown(run);
            RunTransitionOutcome outcome = RunLifecycle.Apply(seen.State, transition);
            if (!outcome.Allowed)
            {
                throw new RunRefusedException($"{seen.Describe()}: {outcome.Refusal}");
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockEngineAsync(connection, transaction, seen.EngineId, cancellationToken).ConfigureAwait(false);
                await CheckEngineAllowsAsync(connection, transaction, seen, transition, cancellationToken).ConfigureAwait(false);
                RunRecord? changed;
                try
                {
                    changed = await UpdateGuardedAsync(connection, transaction, seen, outcome, text, now, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException exception) when (exception.SqlState == UniqueViolation && exception.ConstraintName == ActiveLiveRunIndex)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    throw await SecondActiveLiveRunAsync(connection, seen, exception, cancellationToken).ConfigureAwait(false);
                }

                if (changed is null)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    RunRecord? current = await ReadAsync(connection, null, RunReference.Of(seen.RunId), cancellationToken).ConfigureAwait(false);
                    throw new RunRefusedException(
                        $"{seen.Describe()}: another process changed it to {(current is null ? "(deleted)" : RunText.Of(current.State))} while this " +
                        $"{RunLifecycle.Verb(transition)} was in flight; nothing was changed (see mqd run status {seen.RunNumber.ToString(CultureInfo.InvariantCulture)})");
                }

                await FollowWithArmStateAsync(connection, transaction, seen, transition, text, now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return changed;
            }
        }
    }

    /// <summary>The engine-wide rules: a halt is sticky for its engine (no arming until it is cleared), and only an
    /// armed engine starts a run.</summary>
    private static async Task CheckEngineAllowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RunRecord seen, RunTransition transition, CancellationToken cancellationToken)
    {
        if (transition == RunTransition.Arm)
        {
            var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM runs WHERE engine_id = @engine AND state = 'HALTED' ORDER BY run_number LIMIT 1", connection, transaction);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("engine", EngineText(seen.EngineId));
                if (await ReadOneAsync(command, cancellationToken).ConfigureAwait(false) is { } halted)
                {
                    throw new RunRefusedException(
                        $"{seen.Describe()}: cannot arm while engine {seen.EngineId.ToString(CultureInfo.InvariantCulture)} has a HALTED run, {halted.Describe()}: " +
                        $"{halted.HaltReason}; a halt is sticky: clear it first (mqd run clear {halted.RunNumber.ToString(CultureInfo.InvariantCulture)} --note TEXT)");
                }
            }
        }
        else if (transition == RunTransition.Start)
        {
            EngineArmState? arm = await ReadArmStateAsync(connection, transaction, seen.EngineId, cancellationToken).ConfigureAwait(false);
            if (arm is not { Armed: true })
            {
                throw new RunRefusedException(
                    $"{seen.Describe()}: cannot start while engine {seen.EngineId.ToString(CultureInfo.InvariantCulture)} is disarmed " +
                    $"({arm?.Reason ?? "never armed"}); stop this run and arm a new one");
            }
        }
    }

    private static async Task<RunRecord?> UpdateGuardedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunRecord seen, RunTransitionOutcome outcome, string? text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string set = outcome.Transition switch
        {
            RunTransition.Arm => "armed_at = @now",
            RunTransition.Start => "started_at = @now, heartbeat_at = @now",
            RunTransition.Stop => "stopped_at = @now",
            RunTransition.Halt => "halted_at = @now, halt_reason = @text",
            RunTransition.ClearHalt => "stopped_at = @now, cleared_at = @now, clear_note = @text",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Transition, "not a run transition"),
        };
        var command = new NpgsqlCommand(
            $"UPDATE runs SET state = @to, {set} WHERE run_id = @id AND state = @expected RETURNING {Columns}", connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("to", RunText.Of(outcome.To));
            command.Parameters.AddWithValue("now", now);
            command.Parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = (object?)text ?? DBNull.Value });
            command.Parameters.AddWithValue("id", seen.RunId);
            command.Parameters.AddWithValue("expected", RunText.Of(seen.State));
            return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The arm-state change that goes with a transition, in its transaction.</summary>
    private static async Task FollowWithArmStateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunRecord seen, RunTransition transition, string? text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string engine = EngineText(seen.EngineId);
        switch (transition)
        {
            case RunTransition.Arm:
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO arm_state (engine_id, armed, reason, changed_at) VALUES (@engine, true, NULL, @now)
                    ON CONFLICT (engine_id) DO UPDATE SET armed = true, reason = NULL, changed_at = EXCLUDED.changed_at
                    """,
                    cancellationToken,
                    ("engine", engine),
                    ("now", now)).ConfigureAwait(false);
                break;
            case RunTransition.Halt:
                await DisarmAsync(connection, transaction, seen.EngineId, text!, now, cancellationToken).ConfigureAwait(false);
                break;
            case RunTransition.Stop when RunLifecycle.IsActive(seen.State):
                // An engine with nothing armed or running is disarmed; a reason it already has is kept.
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE arm_state SET armed = false, reason = @reason, changed_at = @now
                    WHERE engine_id = @engine AND armed
                      AND NOT EXISTS (SELECT 1 FROM runs WHERE engine_id = @engine AND state IN ('ARMED', 'RUNNING'))
                    """,
                    cancellationToken,
                    ("engine", engine),
                    ("reason", string.Create(CultureInfo.InvariantCulture, $"stop: run {seen.RunNumber} stopped and no run of the engine is armed or running")),
                    ("now", now)).ConfigureAwait(false);
                break;
            default:
                // Start needs the engine armed and leaves it so; a cleared halt leaves the engine disarmed until a
                // new run is armed.
                break;
        }
    }

    private static Task DisarmAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int engineId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO arm_state (engine_id, armed, reason, changed_at) VALUES (@engine, false, @reason, @now)
            ON CONFLICT (engine_id) DO UPDATE SET armed = false, reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at
            """,
            cancellationToken,
            ("engine", EngineText(engineId)),
            ("reason", reason),
            ("now", now));

    private static async Task<RunRefusedException> SecondActiveLiveRunAsync(NpgsqlConnection connection, RunRecord seen, PostgresException exception, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM runs WHERE engine_id = @engine AND mode = 'LIVE' AND state IN ('ARMED', 'RUNNING') AND run_id <> @id LIMIT 1",
            connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("engine", EngineText(seen.EngineId));
            command.Parameters.AddWithValue("id", seen.RunId);
            RunRecord? other = await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
            string engine = seen.EngineId.ToString(CultureInfo.InvariantCulture);
            return new RunRefusedException(
                $"{seen.Describe()}: cannot arm: engine {engine} already has an active LIVE run, {other?.Describe() ?? "(which ended meanwhile; try again)"}; " +
                $"one ARMED or RUNNING LIVE run per engine: stop or halt it first",
                exception);
        }
    }

    private static async Task LockEngineAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int engineId, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@class, @engine)", cancellationToken, ("class", EngineLockClass), ("engine", engineId)).ConfigureAwait(false);

    private static async Task<RunRecord?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, RunReference run, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand($"SELECT {Columns} FROM runs WHERE {Where(run)}", connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddReference(command, run);
            return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<EngineArmState?> ReadArmStateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int engineId, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT engine_id, armed, reason, changed_at FROM arm_state WHERE engine_id = @engine", connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("engine", EngineText(engineId));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadArmState(reader) : null;
            }
        }
    }

    private static async Task<RunRecord?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRun(reader) : null;
        }
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            foreach ((string name, object value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static RunRecord ReadRun(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetInt64(1),
        ParseEngine(reader.GetString(2)),
        RunText.ParseMode(reader.GetString(3)),
        RunText.ParseState(reader.GetString(4)),
        reader.GetFieldValue<DateTimeOffset>(5),
        NullableTime(reader, 6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        NullableTime(reader, 8),
        NullableTime(reader, 9),
        NullableTime(reader, 10),
        NullableTime(reader, 11),
        reader.IsDBNull(12) ? null : reader.GetString(12));

    private static EngineArmState ReadArmState(NpgsqlDataReader reader) => new(
        ParseEngine(reader.GetString(0)),
        reader.GetBoolean(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3));

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string Where(RunReference run) => run.RunId is not null ? "run_id = @run" : "run_number = @run";

    private static void AddReference(NpgsqlCommand command, RunReference run)
    {
        if (run.RunId is { } id)
        {
            command.Parameters.AddWithValue("run", id);
        }
        else
        {
            command.Parameters.AddWithValue("run", run.RunNumber ?? throw new ArgumentException("a run reference names a uuid or a number", nameof(run)));
        }
    }

    private static string EngineText(int engineId) => engineId.ToString(CultureInfo.InvariantCulture);

    private static int ParseEngine(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int engine) && engine is >= 1 and <= MaxEngineId
            ? engine
            : throw new InvalidDataException($"engine_id '{text}' is not an engine id (decimal 1 to {MaxEngineId.ToString(CultureInfo.InvariantCulture)})");

    private static RunRefusedException Unknown(RunReference run) => new($"{run}: no such run (mqd run status lists them)");

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
