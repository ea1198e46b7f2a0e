namespace MiniQuantDesk.Brokers.Paper;

/// <summary>What the paper broker said (<c>paper_broker.events.kind</c>).</summary>
public enum PaperEventKind
{
    /// <summary>The order was accepted and numbered (<c>ACK</c>).</summary>
    Ack,

    /// <summary>Shares executed (<c>FILL</c>): fill id, quantity, price and fee.</summary>
    Fill,

    /// <summary>The order was refused, with a reason (<c>REJECT</c>).</summary>
    Reject,

    /// <summary>An open order was canceled (<c>CANCEL_ACK</c>).</summary>
    CancelAck,
}
