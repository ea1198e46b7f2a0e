namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>An operator's verdict on an AMBIGUOUS order, for <see cref="QuarantineCheck.ResolveAsync"/>.</summary>
public sealed record OutboxResolution
{
    private OutboxResolution(OutboxResolutionKind kind, string? brokerOrderId, string note)
    {
        Kind = kind;
        BrokerOrderId = brokerOrderId;
        Note = note;
    }

    /// <summary>What the operator found.</summary>
    public OutboxResolutionKind Kind { get; }

    /// <summary>The broker's id of the order, when it was found there.</summary>
    public string? BrokerOrderId { get; }

    /// <summary>The operator's words, kept in the row's <c>last_error</c> history.</summary>
    public string Note { get; }

    /// <summary>The state the row moves to.</summary>
    public OutboxState Target => Kind == OutboxResolutionKind.FoundAtBroker ? OutboxState.Acked : OutboxState.Failed;

    /// <summary>The broker has the order as <paramref name="brokerOrderId"/>.</summary>
    public static OutboxResolution FoundAtBroker(string brokerOrderId, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return new OutboxResolution(OutboxResolutionKind.FoundAtBroker, brokerOrderId, note);
    }

    /// <summary>The broker has no such order.</summary>
    public static OutboxResolution NeverReachedBroker(string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return new OutboxResolution(OutboxResolutionKind.NeverReachedBroker, null, note);
    }
}
