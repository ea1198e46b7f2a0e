namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>What an operator found at the broker for an AMBIGUOUS order.</summary>
public enum OutboxResolutionKind
{
    /// <summary>The broker has the order, under a broker order id: the row becomes ACKED.</summary>
    FoundAtBroker,

    /// <summary>The broker never saw the order: the row becomes FAILED (it is never resent).</summary>
    NeverReachedBroker,
}
