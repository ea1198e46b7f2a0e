using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Benchmarks.Engine;

/// <summary>
/// A broker for the engine benchmarks. As the last handler on the ring it takes every submit and flatten the gateway
/// approved into a fixed single-producer/single-consumer queue; the benchmark's producer thread then answers each
/// with an ack and a full fill (<see cref="AnswerAll"/>). Nothing allocates. The producer publishes both bars and
/// broker messages, so no handler ever publishes into its own ring (which could deadlock when the ring is full).
/// </summary>
public sealed class InstantFills : IValueEventHandler<PipelineEvent>
{
    private const int Capacity = 1 << 16;
    // Committed up front, as the engine's own stores are, so that no page fault of the benchmark's lands in the measurement.
    private readonly OrderCommand[] _queue = Preallocated.Array<OrderCommand>(Capacity);
    private long _written;
    private long _read;
    private long _message;
    private long _fill;
    private long _brokerOrder;

    /// <summary>Approved orders answered so far.</summary>
    public long Answered => _read;

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        if (data.Decisions.Count > 0)
        {
            Queue(ref data);
        }
    }

    /// <summary>Queues the event's approved orders (out of line: a decision holds a reference, so a method with one
    /// as a local clears its frame on every call, and most events decide nothing).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Queue(ref PipelineEvent data)
    {
        for (int i = 0; i < data.Decisions.Count; i++)
        {
            CommandDecision decision = data.Decisions[i];
            if (decision.Decision.IsApproved && decision.Command.Kind is CommandKind.Submit or CommandKind.Flatten)
            {
                long written = _written;
                if (written - Volatile.Read(ref _read) >= Capacity)
                {
                    throw new InvalidOperationException("The benchmark broker's queue is full: answer orders more often.");
                }

                _queue[written & (Capacity - 1)] = decision.Decision.Approved.Command;
                Volatile.Write(ref _written, written + 1);
            }
        }
    }

    /// <summary>Publishes an ack and a full fill at <paramref name="price"/> for every order queued so far.</summary>
    public void AnswerAll(TradingPipeline pipeline, Price price, long timeNs)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        long written = Volatile.Read(ref _written);
        for (long read = _read; read < written; read++)
        {
            OrderCommand command = _queue[read & (Capacity - 1)];
            var ack = new BrokerOrderEvent
            {
                Kind = BrokerEventKind.Ack,
                ClientOrderId = command.ClientOrderId,
                BrokerOrderId = new BrokerOrderId(++_brokerOrder),
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
        }

        Volatile.Write(ref _read, written);
    }
}
