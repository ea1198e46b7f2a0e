using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Tests.Pipeline.Support;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Tests.Pipeline;

/// <summary>A decision observer runs on the thread that decides, right after the gateway, and sees each decision
/// before the business logic's sequence moves past it — under every driver and topology.</summary>
public sealed class DecisionObserverTests
{
    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(PipelineTopology.Fused)]
    [InlineData(PipelineTopology.Staged)]
    public void An_observer_sees_every_decision_on_the_deciding_thread_before_DecidedThrough_passes_it(PipelineTopology topology)
    {
        var recorder = new DecisionRecorder();
        TradingPipeline? pipeline = null;
        var observer = new Observer(() => pipeline!.DecidedThrough);
        pipeline = TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [Engines.Spec(1, static () => new FlipStrategy(10))],
            Topology = topology,
            RingSize = 64,
            DecisionObservers = [observer],
            Downstream = [recorder],
        });
        pipeline.Start();
        Publish(pipeline);
        pipeline.DrainAndStop(s_drain);

        Assert.Null(pipeline.Fault);
        AssertObservedLikeRecorded(observer, recorder);
        Assert.Empty(observer.SeenAfterDecided);
        // One thread decides (the fused chain, or the gateway's stage), and it is never the producer's.
        Assert.Single(observer.Threads);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, observer.Threads);
    }

    [Fact]
    public void A_polled_pipeline_runs_observers_after_the_gateway_and_before_the_downstream_handlers()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline? pipeline = null;
        var observer = new Observer(() => pipeline!.DecidedThrough);
        pipeline = TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [Engines.Spec(1, static () => new FlipStrategy(10))],
            Driver = PipelineDriver.Polled,
            RingSize = 64,
            DecisionObservers = [observer],
            Downstream = [recorder],
        });
        Publish(pipeline);
        pipeline.Poll();

        AssertObservedLikeRecorded(observer, recorder);
        Assert.Empty(observer.SeenAfterDecided);
        Assert.Equal([Environment.CurrentManagedThreadId], observer.Threads);
    }

    private static void Publish(TradingPipeline pipeline)
    {
        var symbol = new SymbolId(1);
        Engines.Arm(pipeline, 1, Sessions.Daily(symbol, Sessions.Day(0), 1).StartNs - 1);
        for (int day = 0; day < 20; day++)
        {
            Bar bar = Sessions.Daily(symbol, Sessions.Day(day), (100 + day) * Micros.PerUnit);
            pipeline.PublishBar(1, in bar);
        }
    }

    private static void AssertObservedLikeRecorded(Observer observer, DecisionRecorder recorder)
    {
        Assert.Equal(recorder.Records.Count, observer.Seen.Count);
        Assert.Equal(recorder.Records.Select(r => (r.Sequence, r.DecisionList.Count)), observer.Seen);
        Assert.Contains(observer.Seen, s => s.Decisions > 0);
    }

    /// <summary>Records what it sees, on which thread, and any event the business logic had already passed.</summary>
    private sealed class Observer(Func<long> decidedThrough) : IValueEventHandler<PipelineEvent>
    {
        public List<(long Sequence, int Decisions)> Seen { get; } = [];

        public List<long> SeenAfterDecided { get; } = [];

        public HashSet<int> Threads { get; } = [];

        public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
        {
            Seen.Add((sequence, data.Decisions.Count));
            Threads.Add(Environment.CurrentManagedThreadId);
            if (decidedThrough() >= sequence)
            {
                SeenAfterDecided.Add(sequence);
            }
        }
    }
}
