using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>The words the paper broker's tables use for sides, states and event kinds, both ways.</summary>
internal static class PaperText
{
    public static string Of(OutboxSide side) => side switch
    {
        OutboxSide.Buy => "BUY",
        OutboxSide.Sell => "SELL",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "an order is a buy or a sell"),
    };

    public static Side SideOf(string text) => text switch
    {
        "BUY" => Side.Buy,
        "SELL" => Side.Sell,
        _ => throw new InvalidOperationException($"paper_broker holds side '{text}', which the schema does not allow; the table was edited by hand"),
    };

    public static Side SideOf(OutboxSide side) => side == OutboxSide.Buy ? Side.Buy : Side.Sell;

    public static string Of(PaperOrderState state) => state switch
    {
        PaperOrderState.Open => "OPEN",
        PaperOrderState.Filled => "FILLED",
        PaperOrderState.Rejected => "REJECTED",
        PaperOrderState.Canceled => "CANCELED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown order state"),
    };

    public static PaperOrderState StateOf(string text) => text switch
    {
        "OPEN" => PaperOrderState.Open,
        "FILLED" => PaperOrderState.Filled,
        "REJECTED" => PaperOrderState.Rejected,
        "CANCELED" => PaperOrderState.Canceled,
        _ => throw new InvalidOperationException($"paper_broker holds order state '{text}', which the schema does not allow; the table was edited by hand"),
    };

    public static string Of(PaperEventKind kind) => kind switch
    {
        PaperEventKind.Ack => "ACK",
        PaperEventKind.Fill => "FILL",
        PaperEventKind.Reject => "REJECT",
        PaperEventKind.CancelAck => "CANCEL_ACK",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown event kind"),
    };

    public static PaperEventKind KindOf(string text) => text switch
    {
        "ACK" => PaperEventKind.Ack,
        "FILL" => PaperEventKind.Fill,
        "REJECT" => PaperEventKind.Reject,
        "CANCEL_ACK" => PaperEventKind.CancelAck,
        _ => throw new InvalidOperationException($"paper_broker holds event kind '{text}', which the schema does not allow; the table was edited by hand"),
    };
}
