using System.Globalization;

namespace MiniQuantDesk.Journal.Runs;

/// <summary>
/// The deadman: a RUNNING run whose last sign of life (its heartbeat, or its creation when none came yet) is older
/// than <see cref="Ttl"/> is halted with a <c>deadman: …</c> reason and its engine disarmed. The daemon runs it
/// periodically (<see cref="RunPeriodicallyAsync"/>) and boot runs it once (<see cref="RunStore.BootAsync"/>), so a
/// process that died is caught by whichever comes first.
/// </summary>
public sealed class DeadmanCheck
{
    private readonly RunStore _store;

    /// <summary>A deadman over <paramref name="store"/> (whose clock it judges by) with <paramref name="ttl"/>.</summary>
    /// <param name="store">The runs.</param>
    /// <param name="ttl">How old a heartbeat may be; positive.</param>
    public DeadmanCheck(RunStore store, TimeSpan ttl)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        _store = store;
        Ttl = ttl;
    }

    /// <summary>How old the last sign of life of a RUNNING run may be before the deadman halts it.</summary>
    public TimeSpan Ttl { get; }

    /// <summary>
    /// Halts every stale RUNNING run (of <paramref name="engineId"/>, or of all engines). A run whose heartbeat
    /// arrives between the check and the halt is left running.
    /// </summary>
    /// <returns>The runs it halted.</returns>
    public async Task<IReadOnlyList<RunRecord>> CheckAsync(int? engineId = null, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = _store.TimeProvider.GetUtcNow();
        var halted = new List<RunRecord>();
        foreach (RunRecord run in await _store.ListAsync(engineId, RunState.Running, cancellationToken).ConfigureAwait(false))
        {
            if (now - run.LastSignOfLife <= Ttl)
            {
                continue;
            }

            if (await _store.HaltIfUnchangedAsync(run, Reason(run, now), now, cancellationToken).ConfigureAwait(false) is { } stopped)
            {
                halted.Add(stopped);
            }
        }

        return halted;
    }

    /// <summary>
    /// Checks now and then every <paramref name="period"/> (timed by the store's clock) until
    /// <paramref name="cancellationToken"/> is cancelled, reporting each non-empty set of halted runs to
    /// <paramref name="onHalted"/>. A failed check (the database gone) ends the loop with its exception: the caller
    /// must treat a deadman that cannot run as a reason to halt.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled: the normal end.</exception>
    public async Task RunPeriodicallyAsync(TimeSpan period, Action<IReadOnlyList<RunRecord>> onHalted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onHalted);
        using var timer = new PeriodicTimer(period, _store.TimeProvider);
        do
        {
            IReadOnlyList<RunRecord> halted = await CheckAsync(null, cancellationToken).ConfigureAwait(false);
            if (halted.Count > 0)
            {
                onHalted(halted);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private string Reason(RunRecord run, DateTimeOffset now)
    {
        string last = run.HeartbeatAt is { } heartbeat ? Time(heartbeat) : $"{Time(run.CreatedAt)} (none since the run was created)";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"deadman: last heartbeat at {last} older than TTL {Ttl.TotalSeconds:0.###}s at {Time(now)} (run {run.RunNumber}, engine {run.EngineId})");
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
