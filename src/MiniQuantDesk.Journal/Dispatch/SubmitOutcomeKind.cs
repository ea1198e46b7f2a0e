namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>What a broker submit came to; each maps to one outbox state.</summary>
public enum SubmitOutcomeKind
{
    /// <summary>The broker accepted the order and named it: ACKED.</summary>
    Accepted,

    /// <summary>The broker took the request and will acknowledge it later as a broker event: SENT.</summary>
    Submitted,

    /// <summary>The broker refused the order; it does not exist there: FAILED.</summary>
    Rejected,

    /// <summary>
    /// Nobody knows: a timeout or a lost connection after the request may have left: AMBIGUOUS, and the engine is
    /// quarantined.
    /// </summary>
    Unknown,
}
