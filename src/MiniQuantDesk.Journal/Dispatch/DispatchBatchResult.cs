namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>What one <see cref="OutboxDispatcher.DispatchOnceAsync"/> did, row by row counted.</summary>
public sealed record DispatchBatchResult
{
    /// <summary>Rows this dispatcher claimed.</summary>
    public int Claimed { get; init; }

    /// <summary>Rows recorded ACKED (accepted with a broker order id).</summary>
    public int Acked { get; init; }

    /// <summary>Rows recorded SENT (the broker took the request; its ack comes later).</summary>
    public int Sent { get; init; }

    /// <summary>Rows recorded FAILED (rejected, or refused before sending as malformed).</summary>
    public int Failed { get; init; }

    /// <summary>Rows recorded AMBIGUOUS (outcome unknown; their engines are quarantined).</summary>
    public int Ambiguous { get; init; }

    /// <summary>
    /// Rows given back to PENDING unsent, because their engine was quarantined earlier in the same batch; they stay
    /// unclaimable until the quarantine is resolved.
    /// </summary>
    public int Held { get; init; }

    /// <summary>
    /// Rows whose claim was taken away by another dispatcher's stale sweep before this one could record them; the
    /// sweeper recorded them instead. Each is a sign that the lease is too short.
    /// </summary>
    public int LostClaims { get; init; }

    /// <summary>The stale claims this call's sweep found, if it swept.</summary>
    public StaleClaimSweep Sweep { get; init; } = StaleClaimSweep.None;

    /// <summary>Rows that were submitted to the broker in this call.</summary>
    public int Submitted => Acked + Sent + Ambiguous + FailedAfterSubmit;

    /// <summary>FAILED rows that the broker rejected (as opposed to refused before sending).</summary>
    public int FailedAfterSubmit { get; init; }
}
