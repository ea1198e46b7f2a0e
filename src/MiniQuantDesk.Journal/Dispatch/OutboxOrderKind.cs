namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>Why the order exists (<c>payload.kind</c>).</summary>
public enum OutboxOrderKind
{
    /// <summary>An order the gateway approved for a strategy's target.</summary>
    Submit,

    /// <summary>An order that closes a position because the engine is flattening.</summary>
    Flatten,
}
