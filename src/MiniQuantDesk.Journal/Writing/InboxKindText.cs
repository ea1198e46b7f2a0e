using MiniQuantDesk.Engine.Execution;

namespace MiniQuantDesk.Journal.Writing;

/// <summary>A broker message's kind as the inbox spells it (<c>inbox.kind</c>).</summary>
public static class InboxKindText
{
    /// <summary>The text of <paramref name="kind"/>, e.g. <c>CANCEL_ACK</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BrokerEventKind.None"/> or a value the engine does not
    /// define.</exception>
    public static string Of(BrokerEventKind kind) => kind switch
    {
        BrokerEventKind.Ack => "ACK",
        BrokerEventKind.Reject => "REJECT",
        BrokerEventKind.Fill => "FILL",
        BrokerEventKind.CancelAck => "CANCEL_ACK",
        BrokerEventKind.CancelReject => "CANCEL_REJECT",
        BrokerEventKind.ReplaceAck => "REPLACE_ACK",
        BrokerEventKind.ReplaceReject => "REPLACE_REJECT",
        BrokerEventKind.Expired => "EXPIRED",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A broker message without a known kind cannot be journaled; the inbox refuses to guess one."),
    };
}
