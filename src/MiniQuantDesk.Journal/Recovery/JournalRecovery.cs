using System.Globalization;
using MiniQuantDesk.Engine;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Risk;
using Npgsql;

namespace MiniQuantDesk.Journal.Recovery;

/// <summary>
/// Rebuilds an engine's orders and portfolio from the journal at start, through the ring: it reads, for one engine
/// across all its runs (positions persist across runs), the orders (<c>outbox</c>), the cancels and replaces
/// (<c>outbox_commands</c>, queued cancels included) and the broker messages the engine applied (<c>inbox</c>), then its
/// latest risk checkpoint (<c>risk_state</c>: daily loss baseline, drawdown peak, kill switch), and publishes them into a fresh
/// pipeline before any live event, as restore events in the order the earlier runs decided them. Every stage then
/// rebuilds its own state the way it built it live — the order manager its orders, broker ids and de-duplication
/// sets, the portfolio its lots, cash and fill ledger, each stage's account copy its positions — and nothing is sent
/// or journaled again.
/// <code>
/// outbox, outbox_commands, inbox (all runs of the engine) ─▶ restore events ─▶ [ ring ] ─▶ the stages (no commands)
/// </code>
/// <para>Fail closed: a row that cannot be read back is a <see cref="RecoveryException"/> naming the table, row and
/// field (no row is ever skipped), and a restore the engine refuses halts it (<see cref="RecoveryResult.Halt"/>):
/// then the caller must not arm it. A journal with orders or broker messages but no risk checkpoint (written before
/// the journal kept one) halts the engine with <see cref="ReasonCode.RiskStateNotRestored"/>: the day's loss must
/// never be judged from zero.</para>
/// </summary>
public sealed class JournalRecovery
{
    private readonly JournalRecoveryOptions _options;

    /// <summary>Creates a restorer reading <paramref name="options"/>' database.</summary>
    public JournalRecovery(JournalRecoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentNullException.ThrowIfNull(options.SymbolOf);
        ArgumentNullException.ThrowIfNull(options.BrokerIdHandle);
        _options = options;
    }

    /// <summary>
    /// Reads engine <paramref name="engineId"/>'s journal and publishes it into <paramref name="pipeline"/>, then
    /// waits until the business logic handled it (a polled pipeline is polled here).
    /// </summary>
    /// <exception cref="ArgumentException">The pipeline does not run the engine.</exception>
    /// <exception cref="InvalidOperationException">The pipeline already had events: a restore comes first.</exception>
    /// <exception cref="RecoveryException">A row cannot be read back, or the pipeline's run number is not above every
    /// run that has journal rows (its new ids could collide with theirs).</exception>
    public async Task<RecoveryResult> RestoreAsync(TradingPipeline pipeline, int engineId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        int index = IndexOf(pipeline, engineId);
        long runNumber = pipeline.Options.Engines[index].RunId;
        if (pipeline.Ring.Cursor >= 0)
        {
            throw new InvalidOperationException($"The pipeline already has {pipeline.Ring.Cursor + 1} events: restore engine {engineId} from the journal into a fresh pipeline, before any live event.");
        }

        string engineText = engineId.ToString(CultureInfo.InvariantCulture);
        var connection = new NpgsqlConnection(_options.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            int runs = await CheckRunsAsync(connection, engineText, runNumber, cancellationToken).ConfigureAwait(false);
            var reader = new JournalRowReader(_options, engineId);
            await reader.ReadAsync(connection, engineText, cancellationToken).ConfigureAwait(false);
            string? cursor = await LastCursorAsync(connection, engineText, cancellationToken).ConfigureAwait(false);
            (RiskCheckpoint risk, long riskTimeNs) = await RiskStateAsync(connection, engineText, cancellationToken).ConfigureAwait(false);
            long last = Publish(pipeline, engineId, reader.Steps);
            if (risk.HasEquity || reader.Steps.Count > 0)
            {
                // Last: the replay does not judge the equity, so the baselines it puts back are the journal's. With
                // none kept (and a past to restore), the checkpoint has no equity and the risk stage halts on it.
                long at = risk.HasEquity ? riskTimeNs : reader.Steps[^1].EventTimeNs;
                last = pipeline.PublishRaw((engineId, at, risk), static (ref PipelineEvent slot, (int Engine, long At, RiskCheckpoint Risk) state) =>
                    slot.SetRestoreRisk(state.Engine, state.At, in state.Risk));
            }

            await HandledAsync(pipeline, last, cancellationToken).ConfigureAwait(false);
            Reason halt = pipeline.Gateway.BookAt(index).Halt;
            return new RecoveryResult(runs, reader.Orders, reader.Requests, reader.Messages, reader.HaltRows, cursor, last, halt, risk.HasEquity);
        }
    }

    private static int IndexOf(TradingPipeline pipeline, int engineId)
    {
        IReadOnlyList<EngineSpec> engines = pipeline.Options.Engines;
        for (int i = 0; i < engines.Count; i++)
        {
            if (engines[i].EngineId == engineId)
            {
                return i;
            }
        }

        throw new ArgumentException($"The pipeline does not run engine {engineId}: build it with the engine before restoring it.", nameof(engineId));
    }

    /// <summary>Checks that the new run comes after every run with journal rows; returns how many earlier runs there are.</summary>
    private static async Task<int> CheckRunsAsync(NpgsqlConnection connection, string engineText, long runNumber, CancellationToken cancellationToken)
    {
        const string Sql =
            "SELECT r.run_number, " +
            "EXISTS (SELECT 1 FROM outbox o WHERE o.run_id = r.run_id) OR EXISTS (SELECT 1 FROM inbox i WHERE i.run_id = r.run_id) " +
            "OR EXISTS (SELECT 1 FROM outbox_commands c WHERE c.run_id = r.run_id) " +
            "FROM runs r WHERE r.engine_id = $1 ORDER BY r.run_number";
        using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = engineText });
        int earlier = 0;
        using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long number = reader.GetInt64(0);
            bool hasRows = reader.GetBoolean(1);
            if (number < runNumber)
            {
                earlier++;
            }
            else if (number > runNumber || hasRows)
            {
                throw new RecoveryException("runs", number, "run_number", string.Create(
                    CultureInfo.InvariantCulture,
                    $"Engine {engineText}'s run {number} {(number > runNumber ? "comes after" : "is")} the run being started ({runNumber}){(hasRows ? " and has journal rows" : string.Empty)}: a run's client order ids would collide with the restored ones. Create a new run (its number is above every earlier one) and start that."));
            }
        }

        return earlier;
    }

    private static async Task<string?> LastCursorAsync(NpgsqlConnection connection, string engineText, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            "SELECT c.cursor FROM broker_cursor c JOIN runs r USING (run_id) WHERE r.engine_id = $1 ORDER BY r.run_number DESC LIMIT 1",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = engineText });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>The engine's risk checkpoint and its time (event time, nanoseconds), or one with no equity when the
    /// journal kept none.</summary>
    private static async Task<(RiskCheckpoint Checkpoint, long TimeNs)> RiskStateAsync(NpgsqlConnection connection, string engineText, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            "SELECT trading_day, day_start_equity_micros, peak_equity_micros, kill_switch, " +
            "(extract(epoch FROM updated_at) * 1000000)::bigint * 1000 FROM risk_state WHERE engine_id = $1",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = engineText });
        using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (default, 0);
        }

        var checkpoint = new RiskCheckpoint(true, reader.GetInt32(0), new Money(reader.GetInt64(1)), new Money(reader.GetInt64(2)), reader.GetBoolean(3));
        return (checkpoint, reader.GetInt64(4));
    }

    private static long Publish(TradingPipeline pipeline, int engineId, List<RecoveryStep> steps)
    {
        long last = -1;
        foreach (RecoveryStep step in steps)
        {
            last = pipeline.PublishRaw((step, engineId), RecoveryStep.Write);
        }

        return last;
    }

    private async Task HandledAsync(TradingPipeline pipeline, long last, CancellationToken cancellationToken)
    {
        if (last < 0)
        {
            return;
        }

        if (pipeline.Options.Driver == PipelineDriver.Polled)
        {
            pipeline.Poll();
        }

        DateTime deadline = DateTime.UtcNow + _options.HandleTimeout;
        while (pipeline.DecidedThrough < last)
        {
            if (pipeline.Fault is { } fault)
            {
                throw new RecoveryException($"The pipeline stopped while restoring, at sequence {fault.Sequence}: {fault.Exception.Message}", fault.Exception);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new RecoveryException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The pipeline handled restore events only through {pipeline.DecidedThrough} of {last} within {_options.HandleTimeout}: is it started?"));
            }

            // The business logic runs on its own threads: give them the core, and look again.
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }
}
