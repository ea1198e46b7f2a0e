namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>Why an outbox row quarantines its engine: each is a submit whose result the engine does not know.</summary>
public enum QuarantineShape
{
    /// <summary>Left CLAIMED after a send started (attempts &gt; 0): the process died around the request.</summary>
    ClaimedAfterSend,

    /// <summary>Left SENT without a broker order id: the broker took the request, and its answer never came.</summary>
    SentWithoutBrokerOrderId,

    /// <summary>Already AMBIGUOUS: a submit timed out or lost its connection, and no operator resolved it yet.</summary>
    Ambiguous,
}
