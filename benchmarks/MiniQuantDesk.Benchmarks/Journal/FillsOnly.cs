using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Benchmarks.Journal;

/// <summary>A broker for the journal benchmark: it queues every approved new order and answers each with one full
/// fill (an implicit ack), so every order costs the journal exactly one outbox row and one inbox row.</summary>
public sealed class FillsOnly : IValueEventHandler<PipelineEvent>
{
    private readonly List<OrderCommand> _pending = new(1024);
    private long _message;
    private long _fill;

    /// <summary>Orders waiting for their fill.</summary>
    public int Pending => _pending.Count;

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        for (int i = 0; i < data.Decisions.Count; i++)
        {
            CommandDecision decision = data.Decisions[i];
            if (decision.Decision.IsApproved && decision.Command.Kind is CommandKind.Submit or CommandKind.Flatten)
            {
                _pending.Add(decision.Decision.Approved.Command);
            }
        }
    }

    /// <summary>Publishes a full fill at <paramref name="price"/> for every queued order.</summary>
    public void FillAll(TradingPipeline pipeline, Price price, long timeNs)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (OrderCommand command in _pending)
        {
            var fill = new BrokerOrderEvent
            {
                Kind = BrokerEventKind.Fill,
                ClientOrderId = command.ClientOrderId,
                MessageId = ++_message,
                FillId = ++_fill,
                Symbol = command.Symbol,
                Side = command.Side,
                Quantity = command.Quantity,
                Price = price,
                EventTimeNs = timeNs,
            };
            pipeline.PublishBroker(in fill);
        }

        _pending.Clear();
    }
}
