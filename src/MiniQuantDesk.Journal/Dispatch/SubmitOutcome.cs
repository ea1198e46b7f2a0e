namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>The answer of <see cref="IOrderSubmitter.SubmitAsync"/>.</summary>
public sealed record SubmitOutcome
{
    private SubmitOutcome(SubmitOutcomeKind kind, string? brokerOrderId, string? reason)
    {
        Kind = kind;
        BrokerOrderId = brokerOrderId;
        Reason = reason;
    }

    /// <summary>Which outcome.</summary>
    public SubmitOutcomeKind Kind { get; }

    /// <summary>The broker's id of the order, when the broker gave one.</summary>
    public string? BrokerOrderId { get; }

    /// <summary>Why it was rejected or why the outcome is unknown.</summary>
    public string? Reason { get; }

    /// <summary>The broker accepted the order as <paramref name="brokerOrderId"/>.</summary>
    public static SubmitOutcome Accepted(string brokerOrderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        return new SubmitOutcome(SubmitOutcomeKind.Accepted, brokerOrderId, null);
    }

    /// <summary>The broker took the request; its acknowledgement comes later. It may name the order already.</summary>
    public static SubmitOutcome Submitted(string? brokerOrderId = null)
    {
        if (brokerOrderId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        }

        return new SubmitOutcome(SubmitOutcomeKind.Submitted, brokerOrderId, null);
    }

    /// <summary>The broker refused the order, for <paramref name="reason"/>.</summary>
    public static SubmitOutcome Rejected(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new SubmitOutcome(SubmitOutcomeKind.Rejected, null, reason);
    }

    /// <summary>The request may have left and no answer came, for <paramref name="reason"/> (a timeout, a lost connection).</summary>
    public static SubmitOutcome Unknown(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new SubmitOutcome(SubmitOutcomeKind.Unknown, null, reason);
    }
}
