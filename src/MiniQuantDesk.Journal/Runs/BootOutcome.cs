namespace MiniQuantDesk.Journal.Runs;

/// <summary>What <see cref="RunStore.BootAsync"/> found and did for one engine.</summary>
/// <param name="ArmState">The engine's arm state after boot: always disarmed, with the reason that stands.</param>
/// <param name="HaltedByDeadman">The engine's RUNNING runs the deadman halted because their heartbeat was too old.</param>
public sealed record BootOutcome(EngineArmState ArmState, IReadOnlyList<RunRecord> HaltedByDeadman);
