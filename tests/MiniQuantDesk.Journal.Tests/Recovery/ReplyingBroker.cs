using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Journal.Tests.Recovery;

/// <summary>
/// A broker for polled pipelines: it collects the orders the gateway approved, and between polls the test has it
/// answer them — an ack, then a fill of all or part of the order, or nothing at all (the order stays pending new).
/// Its message, fill and order ids start above <c>idBase</c>, so two runs' brokers never reuse an id, as a real
/// broker's ids are unique for good.
/// </summary>
internal sealed class ReplyingBroker(long idBase) : IValueEventHandler<PipelineEvent>
{
    private readonly List<OrderCommand> _pending = [];
    private long _message = idBase;
    private long _fill = idBase;
    private long _brokerOrder = idBase;

    /// <summary>Every broker message published, in order.</summary>
    public List<BrokerOrderEvent> Published { get; } = [];

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        for (int index = 0; index < data.Decisions.Count; index++)
        {
            CommandDecision decision = data.Decisions[index];
            if (decision.Decision.IsApproved && decision.Command.Kind is CommandKind.Submit or CommandKind.Flatten)
            {
                _pending.Add(decision.Decision.Approved.Command);
            }
        }
    }

    /// <summary>Answers every pending order: ack, and a fill of <paramref name="fillPercent"/> of it (none at 0);
    /// with <paramref name="ack"/> false the orders get no answer (they stay pending new).</summary>
    public void Answer(TradingPipeline pipeline, long timeNs, long priceMicros, int fillPercent = 100, bool ack = true)
    {
        foreach (OrderCommand command in _pending)
        {
            if (!ack)
            {
                continue;
            }

            Publish(pipeline, new BrokerOrderEvent
            {
                Kind = BrokerEventKind.Ack,
                ClientOrderId = command.ClientOrderId,
                BrokerOrderId = new BrokerOrderId(++_brokerOrder),
                MessageId = ++_message,
                EventTimeNs = timeNs,
            });
            long quantity = command.Quantity * fillPercent / 100;
            if (quantity > 0)
            {
                Publish(pipeline, new BrokerOrderEvent
                {
                    Kind = BrokerEventKind.Fill,
                    ClientOrderId = command.ClientOrderId,
                    MessageId = ++_message,
                    FillId = ++_fill,
                    Symbol = command.Symbol,
                    Side = command.Side,
                    Quantity = quantity,
                    Price = new Price(priceMicros),
                    Fee = new Money(quantity * 1_000),
                    EventTimeNs = timeNs,
                });
            }
        }

        _pending.Clear();
    }

    /// <summary>Publishes a message (also to replay one again).</summary>
    public void Publish(TradingPipeline pipeline, in BrokerOrderEvent message)
    {
        Published.Add(message);
        pipeline.PublishBroker(in message);
    }
}
