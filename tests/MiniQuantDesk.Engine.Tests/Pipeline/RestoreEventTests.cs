using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Pipeline.Stages;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Tests.Pipeline.Support;

namespace MiniQuantDesk.Engine.Tests.Pipeline;

/// <summary>
/// The restore events a start publishes to rebuild an engine from its journal (orders of earlier runs, their
/// cancels, and the broker messages applied to them): every stage rebuilds its state, nothing becomes a command, an
/// order the engine cannot take back halts with its reason, and the fused and staged topologies rebuild alike.
/// </summary>
public sealed class RestoreEventTests
{
    private const int Engine = 1;
    private static readonly SymbolId s_symbol = new(1);
    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(30);

    [Fact]
    public void Restored_orders_and_their_fills_rebuild_the_orders_and_the_portfolio_without_any_command()
    {
        List<PipelineEvent> stream = Script([new(Side.Buy, 100, 2, 3), new(Side.Buy, 50, 3, 4), new(Side.Sell, 30, 5, 2)], duplicateFill: true);
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Spec()], recorder);

        Publish(pipeline, stream);
        pipeline.Poll();

        ExecutionBook book = pipeline.Gateway.BookAt(0);
        Assert.Equal(ReasonCode.None, book.Halt.Code);
        Assert.All(recorder.Records, record => Assert.Empty(record.DecisionList));
        Assert.Equal([OrderState.Filled, OrderState.Canceled, OrderState.PartiallyFilled], book.Orders.Orders.ToArray().Select(order => order.State));
        Assert.Equal(85, book.Portfolio.PositionOf(s_symbol).Quantity);
        Assert.Equal(2, book.Portfolio.Ledger.Count);
        Assert.Equal(OrderEventOutcome.DuplicateIgnored, recorder.Records[3].OrderOutcome);
        Assert.Equal(85, pipeline.Strategy.AccountAt(0).PositionOf(s_symbol));
        Assert.Equal(85, pipeline.Risk.AccountAt(0).PositionOf(s_symbol));
        Assert.Equal(book.Portfolio.Cash, pipeline.Risk.AccountAt(0).Cash);
        Assert.Equal(book.Portfolio.Cash, pipeline.Strategy.AccountAt(0).Cash);
        Assert.Equal(1, book.LiveOrderCount);
    }

    [Fact]
    public void A_restored_order_whose_id_does_not_increase_halts_with_client_order_id_out_of_order()
    {
        TradingPipeline pipeline = Engines.Polled(Spec());
        Restore(pipeline, Order(run: 3, sequence: 40));
        Restore(pipeline, Order(run: 3, sequence: 12));
        pipeline.Poll();

        ExecutionBook book = pipeline.Gateway.BookAt(0);
        Assert.Equal(ReasonCode.ClientOrderIdOutOfOrder, book.Halt.Code);
        Assert.Equal(12, book.Halt.Observed);
        Assert.Equal(1, book.Orders.Orders.Length);
    }

    [Fact]
    public void A_restored_order_repeated_halts_and_is_not_created_twice()
    {
        TradingPipeline pipeline = Engines.Polled(Spec());
        Restore(pipeline, Order(run: 3, sequence: 40));
        Restore(pipeline, Order(run: 3, sequence: 40));
        pipeline.Poll();

        Assert.Equal(ReasonCode.ClientOrderIdOutOfOrder, pipeline.Gateway.BookAt(0).Halt.Code);
        Assert.Equal(1, pipeline.Gateway.BookAt(0).Orders.Orders.Length);
    }

    [Fact]
    public void A_restored_order_of_another_engine_or_of_the_current_run_halts_with_its_reason()
    {
        TradingPipeline other = Engines.Polled(Spec());
        RestoredOrder foreign = Order(run: 3, sequence: 40);
        foreign.ClientOrderId = new ClientOrderId(2, 3, 40, 0);
        other.PublishRaw(foreign, static (ref PipelineEvent slot, RestoredOrder order) =>
        {
            slot.SetRestoreOrder(1_000, in order);
            slot.EngineId = Engine;
        });
        other.Poll();
        Assert.Equal(ReasonCode.WrongEngine, other.Gateway.BookAt(0).Halt.Code);

        TradingPipeline current = Engines.Polled(Spec());
        Restore(current, Order(run: Spec().RunId, sequence: 40));
        current.Poll();
        Assert.Equal(ReasonCode.ClientOrderIdOutOfOrder, current.Gateway.BookAt(0).Halt.Code);
        Assert.Equal(Spec().RunId, current.Gateway.BookAt(0).Halt.Observed);
    }

    [Fact]
    public void A_restored_order_with_bad_terms_halts_and_creates_nothing()
    {
        TradingPipeline pipeline = Engines.Polled(Spec());
        RestoredOrder order = Order(run: 3, sequence: 40);
        order.Quantity = 0;
        Restore(pipeline, order);
        pipeline.Poll();

        Assert.Equal(ReasonCode.NonPositiveQuantity, pipeline.Gateway.BookAt(0).Halt.Code);
        Assert.Equal(0, pipeline.Gateway.BookAt(0).Orders.Orders.Length);
    }

    [Fact]
    public void A_restored_cancel_for_an_order_the_engine_does_not_hold_halts()
    {
        TradingPipeline pipeline = Engines.Polled(Spec());
        pipeline.PublishRaw(0, static (ref PipelineEvent slot, int _) => slot.SetRestoreRequest(1_000, new RestoredRequest
        {
            Kind = CommandKind.Cancel,
            ClientOrderId = new ClientOrderId(Engine, 3, 40, 0),
        }));
        pipeline.Poll();

        Assert.Equal(ReasonCode.UnknownOrder, pipeline.Gateway.BookAt(0).Halt.Code);
    }

    [Fact]
    public void Fused_and_staged_pipelines_rebuild_alike_from_any_restore_stream()
    {
        Gen<RestoreCase> cases = Gen.Choose(0, 1).SelectMany(side => Gen.Choose(1, 400).SelectMany(quantity => Gen.Choose(1, 500).SelectMany(price => Gen.Choose(0, 4).Select(answer =>
            new RestoreCase(side == 0 ? Side.Buy : Side.Sell, quantity, price, answer)))));
        Gen<(RestoreCase[] Orders, bool Duplicate)> scripts =
            from orders in Gen.ArrayOf(cases).Where(array => array.Length is > 0 and <= 12)
            from duplicate in Gen.Elements(true, false)
            select (orders, duplicate);
        Prop.ForAll(Arb.From(scripts), script =>
        {
            List<PipelineEvent> stream = Script(script.Orders, script.Duplicate);
            var polledRecorder = new DecisionRecorder();
            TradingPipeline polled = Engines.Polled([Spec()], polledRecorder);
            Publish(polled, stream);
            polled.Poll();
            (List<SlotRecord> fusedRecords, TradingPipeline fused) = RunThreaded(stream, PipelineTopology.Fused);
            (List<SlotRecord> stagedRecords, TradingPipeline staged) = RunThreaded(stream, PipelineTopology.Staged);

            bool noCommand = polledRecorder.Records.All(record => record.DecisionList.Count == 0);
            return noCommand
                && Comparable(polledRecorder.Records).SequenceEqual(Comparable(fusedRecords))
                && Comparable(fusedRecords).SequenceEqual(Comparable(stagedRecords))
                && State(polled).SequenceEqual(State(fused))
                && State(fused).SequenceEqual(State(staged));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>One restored order and how the broker answered it: 0 none, 1 ack, 2 ack and a fill of half, 3 ack and
    /// a full fill, 4 ack then a cancel (a restored request) and its ack.</summary>
    private sealed record RestoreCase(Side Side, long Quantity, int PriceUnits, int Answer);

    private static EngineSpec Spec() => Engines.Spec(Engine, () => new HoldStrategy(0));

    private static RestoredOrder Order(long run, long sequence) => new()
    {
        ClientOrderId = new ClientOrderId(Engine, run, sequence, 0),
        Symbol = s_symbol,
        Side = Side.Buy,
        Quantity = 100,
        Type = OrderType.Market,
        TimeInForce = TimeInForce.GoodTillCanceled,
    };

    private static void Restore(TradingPipeline pipeline, RestoredOrder order) =>
        pipeline.PublishRaw(order, static (ref PipelineEvent slot, RestoredOrder value) => slot.SetRestoreOrder(1_000, in value));

    /// <summary>The restore events of <paramref name="orders"/> (run 3, one per event sequence), answered as each
    /// case says; with <paramref name="duplicateFill"/> the first fill is replayed twice under another message.</summary>
    private static List<PipelineEvent> Script(RestoreCase[] orders, bool duplicateFill)
    {
        var events = new List<PipelineEvent>();
        long time = Sessions.Daily(s_symbol, Sessions.Day(0), Micros.PerUnit).StartNs;
        long message = 0;
        long fillId = 0;
        bool duplicated = false;
        for (int i = 0; i < orders.Length; i++)
        {
            RestoreCase item = orders[i];
            var clientOrderId = new ClientOrderId(Engine, 3, 10 + i, 0);
            var input = default(PipelineEvent);
            input.SetRestoreOrder(time + i, new RestoredOrder
            {
                ClientOrderId = clientOrderId,
                Symbol = s_symbol,
                Side = item.Side,
                Quantity = item.Quantity,
                Type = OrderType.Market,
                TimeInForce = TimeInForce.GoodTillCanceled,
            });
            events.Add(input);
            if (item.Answer == 0)
            {
                continue;
            }

            events.Add(Broker(new BrokerOrderEvent { Kind = BrokerEventKind.Ack, ClientOrderId = clientOrderId, BrokerOrderId = new BrokerOrderId(100 + i), MessageId = ++message, EventTimeNs = time + i }));
            if (item.Answer is 2 or 3)
            {
                long quantity = item.Answer == 3 ? item.Quantity : Math.Max(1, item.Quantity / 2);
                var fill = new BrokerOrderEvent
                {
                    Kind = BrokerEventKind.Fill,
                    ClientOrderId = clientOrderId,
                    MessageId = ++message,
                    FillId = ++fillId,
                    Symbol = s_symbol,
                    Side = item.Side,
                    Quantity = quantity,
                    Price = new Price(item.PriceUnits * Micros.PerUnit),
                    Fee = new Money(quantity * 1_000),
                    EventTimeNs = time + i,
                };
                events.Add(Broker(fill));
                if (duplicateFill && !duplicated)
                {
                    duplicated = true;
                    events.Add(Broker(fill with { MessageId = ++message }));
                }
            }

            if (item.Answer == 4)
            {
                var request = default(PipelineEvent);
                request.SetRestoreRequest(time + i, new RestoredRequest { Kind = CommandKind.Cancel, ClientOrderId = clientOrderId });
                events.Add(request);
                events.Add(Broker(new BrokerOrderEvent { Kind = BrokerEventKind.CancelAck, ClientOrderId = clientOrderId, MessageId = ++message, EventTimeNs = time + i }));
            }
        }

        return events;
    }

    private static PipelineEvent Broker(in BrokerOrderEvent message)
    {
        var input = default(PipelineEvent);
        input.SetRestoreBroker(Engine, in message);
        return input;
    }

    private static (List<SlotRecord> Records, TradingPipeline Pipeline) RunThreaded(List<PipelineEvent> stream, PipelineTopology topology)
    {
        var recorder = new DecisionRecorder();
        var pipeline = TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [Spec()],
            Topology = topology,
            RingSize = 256,
            Downstream = [recorder],
        });
        pipeline.Start();
        Publish(pipeline, stream);
        pipeline.DrainAndStop(s_drain);
        Assert.Null(pipeline.Fault);
        return (recorder.Records, pipeline);
    }

    /// <summary>Publishes the restore events' inputs (the slot's restore fields as well as the broker message).</summary>
    private static void Publish(TradingPipeline pipeline, List<PipelineEvent> stream)
    {
        foreach (PipelineEvent input in stream)
        {
            pipeline.PublishRaw(input, static (ref PipelineEvent slot, PipelineEvent value) =>
            {
                slot.Kind = value.Kind;
                slot.EngineId = value.EngineId;
                slot.EventTimeNs = value.EventTimeNs;
                slot.Broker = value.Broker;
                slot.Restore = value.Restore;
                slot.RestoreRequest = value.RestoreRequest;
            });
        }
    }

    private static IEnumerable<SlotRecord> Comparable(List<SlotRecord> records) => records.Select(r => r with { DecisionList = [] });

    private static List<string> State(TradingPipeline pipeline)
    {
        ExecutionBook book = pipeline.Gateway.BookAt(0);
        var lines = book.Orders.Orders.ToArray().Select(order => order.ToString()).ToList();
        lines.AddRange(book.Portfolio.Ledger.Fills.ToArray().Select(fill => fill.ToString()));
        lines.Add($"{book.Portfolio.Totals} {book.Halt}");
        foreach (AccountMirror account in new[] { book.Account, pipeline.Strategy.AccountAt(0), pipeline.Risk.AccountAt(0) })
        {
            lines.Add($"{account.Cash} {account.PositionOf(s_symbol)}");
        }

        return lines;
    }
}
