using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>
/// A downstream handler that takes the gateway's approved submits and flattens (into a fixed array: nothing
/// allocates), and a driver method that answers each with an ack and a full fill at a given price — a broker that
/// fills everything, for driving a polled pipeline in tests.
/// </summary>
internal sealed class InstantBroker : IValueEventHandler<PipelineEvent>
{
    private readonly OrderCommand[] _pending = new OrderCommand[256];
    private int _pendingCount;
    private long _message;
    private long _fill;
    private long _broker;

    public long Approved { get; private set; }

    /// <summary>The last fill sent (to deliver it again).</summary>
    public BrokerOrderEvent LastFill { get; private set; }

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        for (int i = 0; i < data.Decisions.Count; i++)
        {
            CommandDecision decision = data.Decisions[i];
            if (decision.Decision.IsApproved && decision.Command.Kind is CommandKind.Submit or CommandKind.Flatten)
            {
                _pending[_pendingCount++] = decision.Decision.Approved.Command;
                Approved++;
            }
        }
    }

    /// <summary>Acks and fills every pending order at <paramref name="price"/> at <paramref name="timeNs"/>.</summary>
    public void FillAll(TradingPipeline pipeline, Price price, long timeNs)
    {
        for (int i = 0; i < _pendingCount; i++)
        {
            OrderCommand command = _pending[i];
            var ack = new BrokerOrderEvent
            {
                Kind = BrokerEventKind.Ack,
                ClientOrderId = command.ClientOrderId,
                BrokerOrderId = new BrokerOrderId(++_broker),
                MessageId = ++_message,
                EventTimeNs = timeNs,
            };
            pipeline.PublishBroker(in ack);
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
            LastFill = fill;
        }

        _pendingCount = 0;
    }
}
