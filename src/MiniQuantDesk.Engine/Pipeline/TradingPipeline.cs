using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Pipeline.Stages;
using MiniQuantDesk.Ring;
using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>
/// The business logic on the ring: producers publish events, and the stages — integrity, strategy, risk, gateway —
/// handle them in sequence order, fused on one thread or staged on four, followed by any downstream handlers. With
/// the polled driver the caller's thread runs everything when it polls (a backtest or a replay); with the threaded
/// driver each processor has its own thread (live).
/// </summary>
public sealed class TradingPipeline
{
    private readonly RingPipeline<PipelineEvent>? _threaded;
    private readonly ValueEventPoller<PipelineEvent>? _poller;
    private readonly ValueRingBuffer<PipelineEvent> _ring;
    private readonly Sequence _decided;

    private TradingPipeline(TradingPipelineOptions options)
    {
        Options = options;
        Integrity = new IntegrityStage(options.Engines, options.Calendar);
        Strategy = new StrategyStage(options.Engines);
        Risk = new RiskStage(options.Engines, options.Calendar);
        Gateway = new GatewayStage(options.Engines, options.Calendar);
        IValueEventHandler<PipelineEvent>[] observers = [.. options.DecisionObservers];
        IValueEventHandler<PipelineEvent>[] downstream = [.. options.Downstream];
        if (options.Driver == PipelineDriver.Polled)
        {
            _ring = ValueRingBuffer<PipelineEvent>.CreateSingleProducer(options.RingSize, new Ring.WaitStrategies.BusySpinWaitStrategy());
            var chain = new FusedStages([Integrity, Strategy, Risk, Gateway, .. observers, .. downstream]);
            _poller = new ValueEventPoller<PipelineEvent>(_ring, chain, "business-logic");
            _decided = _poller.Sequence;
            return;
        }

        _threaded = new RingPipeline<PipelineEvent>(
            options.RingSize,
            options.MultipleProducers ? ProducerType.Multi : ProducerType.Single,
            options.WaitStrategy());
        _ring = _threaded.RingBuffer;
        // Observers join the thread that decides: the fused chain, or the gateway's stage when staged.
        HandlerGroup<PipelineEvent> last = options.Topology == PipelineTopology.Fused
            ? _threaded.HandleEventsWith(new FusedStages([Integrity, Strategy, Risk, Gateway, .. observers]))
            : _threaded.HandleEventsWith(Integrity).Then(Strategy).Then(Risk).Then(observers.Length == 0 ? Gateway : new FusedStages([Gateway, .. observers]));
        _decided = _threaded.Processors[^1].Sequence;
        foreach (IValueEventHandler<PipelineEvent> handler in downstream)
        {
            last = options.DownstreamWaitStrategy is { } waitStrategy ? last.Then(waitStrategy(), handler) : last.Then(handler);
        }
    }

    /// <summary>How it was built.</summary>
    public TradingPipelineOptions Options { get; }

    /// <summary>The integrity stage (its state is safe to read once the pipeline stopped, or between polls).</summary>
    public IntegrityStage Integrity { get; }

    /// <summary>The strategy stage.</summary>
    public StrategyStage Strategy { get; }

    /// <summary>The risk stage.</summary>
    public RiskStage Risk { get; }

    /// <summary>The gateway stage, with each engine's orders and portfolio.</summary>
    public GatewayStage Gateway { get; }

    /// <summary>The ring.</summary>
    public ValueRingBuffer<PipelineEvent> Ring => _ring;

    /// <summary>The highest sequence the gateway stage has decided (every event up to it went through the whole
    /// business logic): what a latency probe waits for.</summary>
    public long DecidedThrough => _decided.Value;

    /// <summary>What stopped a threaded pipeline, or null.</summary>
    public HandlerFault? Fault => _threaded?.Fault ?? _poller?.Fault;

    /// <summary>Builds a pipeline; check the options first.</summary>
    /// <exception cref="ArgumentException">No engine, a duplicate engine id, or a staged polled pipeline.</exception>
    public static TradingPipeline Create(TradingPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Engines.Count == 0)
        {
            throw new ArgumentException("A pipeline needs at least one engine.", nameof(options));
        }

        var ids = new HashSet<int>();
        foreach (EngineSpec spec in options.Engines)
        {
            spec.Validate();
            if (!ids.Add(spec.EngineId))
            {
                throw new ArgumentException($"Engine id {spec.EngineId} is configured twice; every engine needs its own id.", nameof(options));
            }
        }

        if (options.Driver == PipelineDriver.Polled && options.Topology == PipelineTopology.Staged)
        {
            throw new ArgumentException("The polled driver runs every handler on the caller's thread: use the fused topology, or the threaded driver for staged.", nameof(options));
        }

        return new TradingPipeline(options);
    }

    /// <summary>Starts the processor threads (threaded driver).</summary>
    public void Start()
    {
        if (_threaded is null)
        {
            throw new InvalidOperationException("A polled pipeline has no threads to start: call Poll.");
        }

        _threaded.Start();
    }

    /// <summary>Waits until every published event went through every handler, then stops the threads.</summary>
    public void DrainAndStop(TimeSpan timeout)
    {
        if (_threaded is null)
        {
            Poll();
            return;
        }

        _threaded.DrainAndStop(timeout);
    }

    /// <summary>Runs every handler over everything published so far, on the caller's thread (polled driver).</summary>
    /// <returns>How many events were handled.</returns>
    public long Poll() =>
        _poller is null ? throw new InvalidOperationException("A threaded pipeline runs on its own threads; Poll is for the polled driver.") : _poller.Poll();

    /// <summary>Publishes a bar for <paramref name="engineId"/>.</summary>
    public long PublishBar(int engineId, in Bar bar)
    {
        long sequence = Claim();
        _ring[sequence].SetBar(engineId, in bar);
        _ring.Publish(sequence);
        return sequence;
    }

    /// <summary>Publishes a broker message (routed to the engine its client order id names).</summary>
    public long PublishBroker(in BrokerOrderEvent brokerEvent)
    {
        long sequence = Claim();
        _ring[sequence].SetBroker(in brokerEvent);
        _ring.Publish(sequence);
        return sequence;
    }

    /// <summary>Publishes an operator command.</summary>
    public long PublishControl(int engineId, long eventTimeNs, in ControlCommand command)
    {
        long sequence = Claim();
        _ring[sequence].SetControl(engineId, eventTimeNs, in command);
        _ring.Publish(sequence);
        return sequence;
    }

    /// <summary>Publishes an operator command of <paramref name="kind"/> with no arguments.</summary>
    public long PublishControl(int engineId, long eventTimeNs, ControlKind kind) =>
        PublishControl(engineId, eventTimeNs, new ControlCommand { Kind = kind });

    /// <summary>Publishes a corporate action for <paramref name="engineId"/> (once per engine that trades the symbol).</summary>
    public long PublishCorporateAction(int engineId, long eventTimeNs, in CorporateActionEvent action)
    {
        long sequence = Claim();
        _ring[sequence].SetCorporateAction(engineId, eventTimeNs, in action);
        _ring.Publish(sequence);
        return sequence;
    }

    /// <summary>Publishes a timer tick.</summary>
    public long PublishTimer(int engineId, long eventTimeNs)
    {
        long sequence = Claim();
        _ring[sequence].SetTimer(engineId, eventTimeNs);
        _ring.Publish(sequence);
        return sequence;
    }

    /// <summary>Publishes an event written by <paramref name="write"/> into the slot (any kind, for replays and
    /// tests that need raw events). The delegate must write every input field.</summary>
    public long PublishRaw<TState>(TState state, PipelineEventWriter<TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        long sequence = Claim();
        write(ref _ring[sequence], state);
        _ring.Publish(sequence);
        return sequence;
    }

    private long Claim()
    {
        if (_poller is null)
        {
            return _ring.Next();
        }

        // One thread both publishes and handles: when the ring is full, handle what is there to make room.
        long sequence;
        while (!_ring.TryNext(out sequence))
        {
            _poller.Poll();
        }

        return sequence;
    }
}
