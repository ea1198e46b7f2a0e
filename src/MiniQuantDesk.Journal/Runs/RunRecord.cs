using System.Globalization;

namespace MiniQuantDesk.Journal.Runs;

/// <summary>One row of <c>runs</c>, as the store read it.</summary>
/// <param name="RunId">The run's uuid.</param>
/// <param name="RunNumber">The database-issued run number (the run field of client order ids).</param>
/// <param name="EngineId">The engine (1 to 65535).</param>
/// <param name="Mode">Paper, live or backtest.</param>
/// <param name="State">Where the run is in its life.</param>
/// <param name="CreatedAt">When it was created (engine clock).</param>
/// <param name="HeartbeatAt">Its last heartbeat, if any (engine clock).</param>
/// <param name="HaltReason">Why it halted; kept after a clear, as history.</param>
/// <param name="ArmedAt">When it was armed.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="StoppedAt">When it stopped (or its halt was cleared).</param>
/// <param name="HaltedAt">When it halted.</param>
/// <param name="ClearNote">The operator's note when a halt was cleared.</param>
public sealed record RunRecord(
    Guid RunId,
    long RunNumber,
    int EngineId,
    RunMode Mode,
    RunState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? HeartbeatAt,
    string? HaltReason,
    DateTimeOffset? ArmedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? HaltedAt,
    string? ClearNote)
{
    /// <summary>The last sign of life the deadman judges by: the heartbeat, or the creation when none came yet.</summary>
    public DateTimeOffset LastSignOfLife => HeartbeatAt ?? CreatedAt;

    /// <summary>"run 7 (uuid, engine 1, LIVE, RUNNING)": how messages name a run.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"run {RunNumber} ({RunId}, engine {EngineId}, {RunText.Of(Mode)}, {RunText.Of(State)})");
}
