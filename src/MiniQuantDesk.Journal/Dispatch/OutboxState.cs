namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>
/// Where an outbox row is on its way to the broker; <see cref="OutboxStateMachine"/> says which moves are legal.
/// The database spells them in upper case (<c>outbox.state</c>).
/// </summary>
public enum OutboxState
{
    /// <summary>Committed by the journal, waiting for a dispatcher.</summary>
    Pending,

    /// <summary>Taken by one dispatcher (<c>claimed_by</c>); a send may have started when <c>attempts</c> &gt; 0.</summary>
    Claimed,

    /// <summary>The broker took the request; its acknowledgement comes later as a broker event.</summary>
    Sent,

    /// <summary>The broker accepted the order and named it (<c>broker_order_id</c>). Terminal.</summary>
    Acked,

    /// <summary>The broker refused the order, or it was never sent. Terminal; never retried.</summary>
    Failed,

    /// <summary>
    /// The request may have reached the broker, but nobody knows what it did: the engine is quarantined until an
    /// operator resolves the row (to <see cref="Acked"/> or <see cref="Failed"/>).
    /// </summary>
    Ambiguous,
}
