using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Writing;
using MiniQuantDesk.Ring.Processing;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>
/// A dispatcher-like handler after the journal: for each event it first checks that the journal committed it, and
/// for each approved new order that its outbox row is visible from its own connection; only then does it "send" the
/// order, and a broker that fills everything answers with an ack and a full fill. With the threaded driver it
/// publishes the answers itself; with the polled driver the test calls <see cref="AnswerPending"/> between polls.
/// </summary>
internal sealed class AnsweringBroker(JournalWriter journal, string database, long runNumber) : IValueEventHandler<PipelineEvent>, IDisposable
{
    private readonly List<OrderCommand> _pending = [];
    private readonly SemaphoreSlim _progress = new(0);
    private NpgsqlConnection? _connection;
    private long _handledThrough = -1;
    private long _message;
    private long _fill;
    // Broker order ids are unique across runs (broker_order_map's key is global), as a real broker's are.
    private long _brokerOrder = runNumber * 1_000_000;

    /// <summary>Set for the threaded driver: answers are published from the handler's thread.</summary>
    public TradingPipeline? PublishTo { get; set; }

    /// <summary>Client order ids sent to the broker, each after its outbox row was seen committed.</summary>
    public List<string> Sent { get; } = [];

    /// <summary>Orders whose outbox row was not visible when the broker got them (must stay empty).</summary>
    public List<string> Invisible { get; } = [];

    public int PendingCount => _pending.Count;

    /// <summary>The broker order id the last ack named.</summary>
    public long LastBrokerOrder => _brokerOrder;

    public long HandledThrough => Volatile.Read(ref _handledThrough);

    public long NextMessageId => _message + 1;

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        // Threaded, this handler follows the journal's processor, so every event it sees must be committed. Polled,
        // the fused chain hands each event to every downstream handler before the journal's batch ends (and commits),
        // so there the check waits for AnswerPending, which the test calls after the poll.
        bool threaded = PublishTo is not null;
        if (threaded)
        {
            journal.ThrowIfNotCommitted(sequence);
        }

        for (int index = 0; index < data.Decisions.Count; index++)
        {
            CommandDecision decision = data.Decisions[index];
            if (decision.Decision.IsApproved && decision.Command.Kind is CommandKind.Submit or CommandKind.Flatten)
            {
                string order = decision.Command.ClientOrderId.ToString();
                if (threaded)
                {
                    CheckCommitted(order);
                }

                _pending.Add(decision.Decision.Approved.Command);
            }
        }

        if (PublishTo is not null)
        {
            AnswerPending(PublishTo, data.EventTimeNs);
        }

        if (endOfBatch)
        {
            Volatile.Write(ref _handledThrough, sequence);
            _progress.Release();
        }
    }

    /// <summary>Acks and (unless <paramref name="fill"/> is false) fills every pending order at
    /// <paramref name="timeNs"/>.</summary>
    public void AnswerPending(TradingPipeline pipeline, long timeNs, bool fill = true)
    {
        foreach (OrderCommand command in _pending)
        {
            string order = command.ClientOrderId.ToString();
            if (!Sent.Contains(order))
            {
                CheckCommitted(order);
            }

            var ack = new BrokerOrderEvent
            {
                Kind = BrokerEventKind.Ack,
                ClientOrderId = command.ClientOrderId,
                BrokerOrderId = new BrokerOrderId(++_brokerOrder),
                MessageId = ++_message,
                EventTimeNs = timeNs,
            };
            if (!TryPublish(pipeline, in ack))
            {
                return;
            }

            if (!fill)
            {
                continue;
            }

            var filled = new BrokerOrderEvent
            {
                Kind = BrokerEventKind.Fill,
                ClientOrderId = command.ClientOrderId,
                MessageId = ++_message,
                FillId = ++_fill,
                Symbol = command.Symbol,
                Side = command.Side,
                Quantity = command.Quantity,
                Price = new Price(100 * Micros.PerUnit),
                EventTimeNs = timeNs,
            };
            if (!TryPublish(pipeline, in filled))
            {
                return;
            }

        }

        _pending.Clear();
    }

    /// <summary>Publishes an answer; false once the ring halted (the pipeline stopped: there is no one to answer).</summary>
    private static bool TryPublish(TradingPipeline pipeline, in BrokerOrderEvent message)
    {
        try
        {
            pipeline.PublishBroker(in message);
            return true;
        }
        catch (Ring.RingHaltedException)
        {
            return false;
        }
    }

    /// <summary>Waits until the broker handled everything published and published nothing more (threaded driver).</summary>
    public void WaitUntilQuiet(TradingPipeline pipeline, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            long cursor = pipeline.Ring.Cursor;
            if (HandledThrough >= cursor && pipeline.Ring.Cursor == cursor)
            {
                return;
            }

            if (pipeline.Fault is not null)
            {
                throw new InvalidOperationException($"the pipeline faulted: {pipeline.Fault}");
            }

            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_progress.Wait(left))
            {
                throw new TimeoutException($"the broker handled through {HandledThrough} of {pipeline.Ring.Cursor} within {timeout}");
            }
        }
    }

    public void OnShutdown()
    {
        _connection?.Dispose();
        _progress.Release();
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _progress.Dispose();
    }

    private void CheckCommitted(string order)
    {
        if (!IsCommitted(order))
        {
            Invisible.Add(order);
            throw new InvalidOperationException($"order {order} reached the dispatcher before its outbox row was committed");
        }

        Sent.Add(order);
    }

    private bool IsCommitted(string order)
    {
        if (_connection is null)
        {
            _connection = new NpgsqlConnection(database);
            _connection.Open();
        }

        using var command = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE client_order_id = $1 AND state = 'PENDING'", _connection);
        command.Parameters.Add(new NpgsqlParameter { Value = order });
        return (long)command.ExecuteScalar()! == 1;
    }
}
