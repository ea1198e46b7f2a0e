namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>What <see cref="QuarantineCheck.CheckAsync"/> found for one engine.</summary>
/// <param name="EngineId">The engine, as decimal text.</param>
/// <param name="Orders">Its unresolved orders, in outbox order; empty when the engine is clear.</param>
/// <param name="DisarmReason">The reason written to <c>arm_state</c>, or null when nothing was found.</param>
public sealed record QuarantineReport(string EngineId, IReadOnlyList<QuarantinedOrder> Orders, string? DisarmReason)
{
    /// <summary>True when the engine must stay halted and disarmed until an operator resolves every order.</summary>
    public bool IsQuarantined => Orders.Count > 0;
}
