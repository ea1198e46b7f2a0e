using System.Globalization;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>
/// A handler placed before the journal that writes down, per event, the rows the journal should hold for it, in the
/// text the <see cref="JournalRig"/> queries read back: one outbox row per approved new order, one inbox row per
/// broker message the engine applied. Read it once the pipeline stopped (or between polls).
/// </summary>
internal sealed class ExpectedRows : IValueEventHandler<PipelineEvent>
{
    public List<(long Sequence, string Row)> Outbox { get; } = [];

    public List<(long Sequence, string Row)> Inbox { get; } = [];

    public List<(long Sequence, long MessageId)> Messages { get; } = [];

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        for (int index = 0; index < data.Decisions.Count; index++)
        {
            CommandDecision decision = data.Decisions[index];
            if (decision.Decision.IsApproved && decision.Command.Kind is CommandKind.Submit or CommandKind.Flatten)
            {
                OrderCommand command = decision.Command;
                Outbox.Add((sequence, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{sequence} {command.ClientOrderId} {JournalRig.SymbolText} {(command.Side == Engine.Market.Side.Buy ? "BUY" : "SELL")} {command.Quantity} PENDING")));
            }
        }

        if (data.Kind != PipelineEventKind.Broker)
        {
            return;
        }

        BrokerOrderEvent message = data.Broker;
        Messages.Add((sequence, message.MessageId));
        if (data.OrderEvent.Outcome == OrderEventOutcome.Applied)
        {
            string fill = message.Kind == BrokerEventKind.Fill ? message.FillId.ToString(CultureInfo.InvariantCulture) : "-";
            string kind = message.Kind == BrokerEventKind.Fill ? "FILL" : message.Kind == BrokerEventKind.Ack ? "ACK" : message.Kind.ToString();
            Inbox.Add((sequence, string.Create(CultureInfo.InvariantCulture, $"{sequence} {message.MessageId} {kind} {fill} {data.OrderEvent.ClientOrderId} true")));
        }
    }

    public List<string> OutboxThrough(long last) => [.. Outbox.Where(row => row.Sequence <= last).Select(row => row.Row)];

    public List<string> InboxThrough(long last) => [.. Inbox.Where(row => row.Sequence <= last).Select(row => row.Row)];

    /// <summary>The broker cursor after the events through <paramref name="last"/>, or null before any message.</summary>
    public string? CursorThrough(long last)
    {
        (long Sequence, long MessageId)[] seen = [.. Messages.Where(m => m.Sequence <= last)];
        return seen.Length == 0 ? null : seen[^1].MessageId.ToString(CultureInfo.InvariantCulture);
    }
}
