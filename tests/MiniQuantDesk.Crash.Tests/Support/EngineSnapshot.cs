namespace MiniQuantDesk.Crash.Tests.Support;

/// <summary>What a child's engine held after it restored from the journal and caught up with the broker.</summary>
/// <param name="Run">The run number that took it.</param>
/// <param name="Positions">"SYMBOL shares", non-zero only, by symbol (the broker truth's form).</param>
/// <param name="CashMicros">The engine's cash.</param>
/// <param name="TakenAtEvent">The last broker event the engine had decided when it was taken (0: none).</param>
internal sealed record EngineSnapshot(long Run, IReadOnlyList<string> Positions, long CashMicros, long TakenAtEvent);
