using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>One random step of an event stream: what kind of event, for which engine, with a few random numbers.</summary>
internal sealed record ScriptStep(int Kind, int Engine, int A, int B);

/// <summary>
/// Random event streams for the pipeline's laws: bars (sound, and spoiled in every way integrity names), broker
/// messages about the orders the engine really sent (acks, partial and full fills, cancels, rejects, duplicates)
/// and garbage ones, operator commands, timer ticks and corporate actions (splits and dividends). A script is run on a polled pipeline one event at a time,
/// so a broker message can name an order the engine sent a moment before; the events published are kept, so the
/// same stream can be replayed, as it is, into other pipelines.
/// </summary>
internal static class EventScript
{
    public const int Kinds = 13;

    public static Gen<ScriptStep[]> Steps(int engines) =>
        Gen.ListOf(
            from kind in Gen.Frequency((6, Gen.Choose(0, 3)), (1, Gen.Choose(4, Kinds - 1)), (3, Gen.Choose(5, 7)))
            from engine in Gen.Choose(0, engines - 1)
            from a in Gen.Choose(0, 1_000)
            from b in Gen.Choose(0, 1_000)
            select new ScriptStep(kind, engine, a, b))
        .Select(steps => steps.ToArray());

    /// <summary>Arms every engine, runs the steps on <paramref name="pipeline"/> (polled) and returns every event
    /// it published, in order.</summary>
    public static List<PipelineEvent> Run(TradingPipeline pipeline, ApprovedLog approved, int[] engineIds, ScriptStep[] steps)
    {
        var published = new List<PipelineEvent>();
        var state = new RunState(engineIds.Length);
        void Publish(in PipelineEvent input)
        {
            published.Add(input);
            PipelineEvent copy = input;
            pipeline.PublishRaw(copy, static (ref PipelineEvent slot, PipelineEvent value) => CopyInput(ref slot, in value));
            pipeline.Poll();
        }

        long start = Sessions.Daily(new SymbolId(1), Sessions.Day(0), 1).StartNs - 1;
        foreach (int engine in engineIds)
        {
            Publish(Control(engine, start, ControlKind.ReconcileClean));
            Publish(Control(engine, start, ControlKind.Arm));
        }

        foreach (ScriptStep step in steps)
        {
            int engine = engineIds[step.Engine];
            List<OrderCommand> orders = approved.ByEngine.TryGetValue(engine, out List<OrderCommand>? sent) ? sent : [];
            OrderManager oms = pipeline.Gateway.BookAt(step.Engine).Orders;
            PipelineEvent input = Materialize(step, engine, state.Of(step.Engine), orders, oms);
            state.Of(step.Engine).Published.Add(input);
            Publish(in input);
        }

        return published;
    }

    /// <summary>Publishes <paramref name="events"/>' inputs into <paramref name="pipeline"/>, as they are.</summary>
    public static void Replay(TradingPipeline pipeline, List<PipelineEvent> events)
    {
        foreach (PipelineEvent input in events)
        {
            pipeline.PublishRaw(input, static (ref PipelineEvent slot, PipelineEvent value) => CopyInput(ref slot, in value));
        }
    }

    private static void CopyInput(ref PipelineEvent slot, in PipelineEvent value)
    {
        slot.Kind = value.Kind;
        slot.EngineId = value.EngineId;
        slot.EventTimeNs = value.EventTimeNs;
        slot.Bar = value.Bar;
        slot.Broker = value.Broker;
        slot.Control = value.Control;
        slot.CorporateAction = value.CorporateAction;
    }

    private static PipelineEvent Control(int engine, long time, ControlKind kind)
    {
        var input = default(PipelineEvent);
        input.SetControl(engine, time, new ControlCommand { Kind = kind });
        return input;
    }

    /// <summary>Turns a step into an event from this engine's own history only, so that an engine's stream is the
    /// same whatever other engines' events are interleaved with it.</summary>
    private static PipelineEvent Materialize(ScriptStep step, int engine, EngineScriptState state, List<OrderCommand> orders, OrderManager oms)
    {
        var input = default(PipelineEvent);
        var symbol = new SymbolId(1 + (step.A % 2));
        ref int day = ref state.Day;
        long now = state.Now;
        List<PipelineEvent> published = state.Published;
        int kind = step.Kind switch
        {
            5 or 6 or 7 when orders.Count == 0 => 0,
            9 when published.Count == 0 => 0,
            _ => step.Kind,
        };
        switch (kind)
        {
            case <= 3:
                day++;
                Bar bar = Sessions.Daily(symbol, Sessions.Day(day), (50 + (step.A % 20)) * Micros.PerUnit + (step.B * 10_000L));
                input.SetBar(engine, in bar);
                state.Now = Math.Max(state.Now, bar.EndNs);
                return input;
            case 4:
                input.SetBar(engine, SpoiledBar(step, symbol, day));
                return input;
            case 5 or 6 or 7:
                OrderCommand order = PickOrder(step, orders, oms);
                input.SetBroker(OrderMessage(step, order, oms.Get(order.Order), state, now + 1));
                return input;
            case 8:
                ControlKind control = (ControlKind)(1 + (step.A % 8));
                input.SetControl(engine, now, new ControlCommand { Kind = control, Symbol = symbol, Value = step.B });
                return input;
            case 9:
                // A message delivered again, as it was, or an earlier event of any kind replayed late.
                input = published[step.A % published.Count];
                return input;
            case 10:
                input.SetTimer(engine, now + (step.B * 60_000_000_000L));
                return input;
            case 12:
                input.SetCorporateAction(engine, step.B % 17 == 0 ? now - 86_400_000_000_000L : now + 1, CorporateAction(step, symbol));
                return input;
            default:
                input.SetBroker(Garbage(step, engine, state, now + 1));
                return input;
        }
    }

    /// <summary>A split (forward, fractional or reverse) or a dividend; now and then of a symbol no engine knows.</summary>
    private static CorporateActionEvent CorporateAction(ScriptStep step, SymbolId symbol)
    {
        SymbolId target = step.B % 13 == 12 ? new SymbolId(99) : symbol;
        var reference = new Price((50 + (step.A % 20)) * Micros.PerUnit + step.B);
        SplitRatio ratio = (step.B % 4) switch { 0 => new(2, 1), 1 => new(3, 2), 2 => new(1, 2), _ => new(7, 3) };
        return step.A % 3 == 0
            ? CorporateActionEvent.Dividend(target, 1 + (step.B * 1_000L), reference)
            : CorporateActionEvent.Split(target, ratio, reference);
    }

    private static Bar SpoiledBar(ScriptStep step, SymbolId symbol, int day)
    {
        Bar bar = Sessions.Daily(symbol, Sessions.Day(Math.Max(0, day)), 55 * Micros.PerUnit);
        switch (step.B % 7)
        {
            case 0:
                bar.Close = new Price(0);
                break;
            case 1:
                bar.High = new Price(bar.Low.Micros - 1);
                break;
            case 2:
                bar.Open = new Price(bar.High.Micros + 1);
                break;
            case 3:
                bar = Sessions.Daily(symbol, Sessions.Day(Math.Max(0, day - 3)), 55 * Micros.PerUnit);
                break;
            case 4:
                bar.Symbol = new SymbolId(99);
                break;
            case 5:
                bar.IsComplete = false;
                break;
            default:
                bar.Volume = -1;
                break;
        }

        return bar;
    }

    /// <summary>Mostly an order still working (the broker talks about those), sometimes any order at all.</summary>
    private static OrderCommand PickOrder(ScriptStep step, List<OrderCommand> orders, OrderManager oms)
    {
        if (step.B % 10 != 9)
        {
            for (int i = orders.Count - 1; i >= 0; i--)
            {
                if (!oms.Get(orders[i].Order).State.IsTerminal())
                {
                    return orders[i];
                }
            }
        }

        return orders[step.A % orders.Count];
    }

    /// <summary>What a broker would say about the order next — an ack, then partial or full fills — and, one time in
    /// ten, something out of turn (a cancel, a reject, a fill of any size).</summary>
    private static BrokerOrderEvent OrderMessage(ScriptStep step, OrderCommand order, in Order state, EngineScriptState script, long time)
    {
        bool outOfTurn = step.B % 10 == 9;
        BrokerEventKind kind = outOfTurn
            ? (step.A % 3) switch { 0 => BrokerEventKind.CancelAck, 1 => BrokerEventKind.Reject, _ => BrokerEventKind.Fill }
            : !state.AckReceived && step.A % 4 != 0 ? BrokerEventKind.Ack : BrokerEventKind.Fill;
        long leaves = Math.Max(1, order.Quantity - state.FilledQuantity);
        long quantity = kind != BrokerEventKind.Fill ? 0 : outOfTurn ? 1 + (step.A % order.Quantity) : step.A % 2 == 0 ? leaves : 1 + (step.A % leaves);
        return new BrokerOrderEvent
        {
            Kind = kind,
            ClientOrderId = order.ClientOrderId,
            BrokerOrderId = kind == BrokerEventKind.Ack ? new BrokerOrderId(order.Order.Value + 1_000) : default,
            MessageId = ++script.Message,
            FillId = kind == BrokerEventKind.Fill ? ++script.Fill : 0,
            Symbol = order.Symbol,
            Side = order.Side,
            Quantity = quantity,
            Price = new Price((50 + (step.B % 20)) * Micros.PerUnit),
            Fee = new Money(step.A % 3 * 10_000L),
            EventTimeNs = time,
        };
    }

    private static BrokerOrderEvent Garbage(ScriptStep step, int engine, EngineScriptState state, long time) => new()
    {
        Kind = (BrokerEventKind)(step.A % 10),
        // Another run's id: never one of the orders sent, whatever the sequence numbers turned out to be.
        ClientOrderId = step.A % 7 == 0 ? default : new ClientOrderId(engine, 8, step.B, 0),
        BrokerOrderId = new BrokerOrderId(step.A % 4),
        MessageId = (step.B % 5 == 0) ? 0 : ++state.Message,
        FillId = step.A % 3 == 0 ? 0 : ++state.Fill,
        Symbol = new SymbolId(step.B % 12),
        Side = (Side)(step.A % 3),
        Quantity = (step.B % 4) - 1,
        Price = new Price(((step.A % 5) - 1) * Micros.PerUnit),
        Fee = new Money((step.B % 3) - 1),
        EventTimeNs = time,
    };

    private sealed class RunState(int engines)
    {
        private readonly EngineScriptState[] _engines = [.. Enumerable.Range(0, engines).Select(_ => new EngineScriptState())];

        public EngineScriptState Of(int engine) => _engines[engine];
    }

    private sealed class EngineScriptState
    {
        public int Day;

        public long Now { get; set; } = Sessions.Daily(new SymbolId(1), Sessions.Day(0), 1).StartNs;

        public long Message { get; set; }

        public long Fill { get; set; }

        public List<PipelineEvent> Published { get; } = [];
    }
}
