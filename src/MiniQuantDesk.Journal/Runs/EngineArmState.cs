namespace MiniQuantDesk.Journal.Runs;

/// <summary>One row of <c>arm_state</c>: whether an engine may trade, and if not, why.</summary>
/// <param name="EngineId">The engine.</param>
/// <param name="Armed">True when armed.</param>
/// <param name="Reason">Why it is disarmed (null when armed). Persists across restarts until the engine is armed again.</param>
/// <param name="ChangedAt">When it last changed (engine clock).</param>
public sealed record EngineArmState(int EngineId, bool Armed, string? Reason, DateTimeOffset ChangedAt);
