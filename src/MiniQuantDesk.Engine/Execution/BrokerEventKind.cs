namespace MiniQuantDesk.Engine.Execution;

/// <summary>What a broker said about an order, after the adapter mapped its vocabulary to these few words
/// (informational statuses such as "pending cancel" are not forwarded).</summary>
public enum BrokerEventKind : byte
{
    /// <summary>Not set: a malformed event.</summary>
    None = 0,

    /// <summary>The broker accepted the order and named it (<see cref="BrokerOrderEvent.BrokerOrderId"/>).</summary>
    Ack = 1,

    /// <summary>The broker refused the order.</summary>
    Reject = 2,

    /// <summary>Shares executed: fill id, quantity, price and fee.</summary>
    Fill = 3,

    /// <summary>The order was canceled (on request, or unsolicited).</summary>
    CancelAck = 4,

    /// <summary>The broker refused a cancel request (too late, unknown order, ...).</summary>
    CancelReject = 5,

    /// <summary>The broker applied a replace: the new total quantity and limit, and possibly a new broker id.</summary>
    ReplaceAck = 6,

    /// <summary>The broker refused a replace request: the old terms hold.</summary>
    ReplaceReject = 7,

    /// <summary>The order ended by its time in force.</summary>
    Expired = 8,
}
