using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests.Properties;

/// <summary>
/// Runs a <see cref="RingScenario"/>: builds its pipeline over a yielding ring with a
/// <see cref="RecordingHandler"/> per node (told which processors it follows), publishes from its producer
/// threads, drains, and hands back the handlers for the laws to inspect.
/// </summary>
internal static class ScenarioRun
{
    /// <summary>Random scenarios, kept small enough that a property of a few dozen runs takes seconds on 2 cores.</summary>
    public static Arbitrary<RingScenario> Scenarios { get; } =
        (from sizeExponent in Gen.Choose(0, 10)
         from producers in Gen.Choose(1, 4)
         from producerType in producers == 1 ? Gen.Elements(ProducerType.Single, ProducerType.Multi) : Gen.Constant(ProducerType.Multi)
         from batchSize in Gen.Choose(1, Math.Min(1 << sizeExponent, 8))
         from topology in Gen.Elements(Topology.Chain, Topology.Parallel, Topology.Diamond)
         from width in topology == Topology.Diamond ? Gen.Constant(3) : Gen.Choose(1, 3)
         from eventsPerProducer in Gen.Choose(0, Math.Min(250, 16 << sizeExponent))
         select new RingScenario(1 << sizeExponent, producerType, producers, batchSize, topology, width, eventsPerProducer))
        .ToArbitrary();

    /// <summary>Runs the scenario to the end and returns its handlers (their threads joined, so their records
    /// can be read).</summary>
    public static IReadOnlyList<RecordingHandler> Run(RingScenario scenario)
    {
        var pipeline = new RingPipeline<TestEvent>(scenario.RingSize, scenario.ProducerType, new YieldingWaitStrategy());
        List<RecordingHandler> handlers = Build(pipeline, scenario);
        try
        {
            pipeline.Start();
            Publisher.PublishFromThreads(pipeline.RingBuffer, scenario.Producers, scenario.EventsPerProducer, scenario.BatchSize);
            pipeline.DrainAndStop(Timeouts.Generous);
            return handlers;
        }
        finally
        {
            pipeline.Halt("test cleanup");
            foreach (RecordingHandler handler in handlers)
            {
                handler.Dispose();
            }
        }
    }

    private static List<RecordingHandler> Build(RingPipeline<TestEvent> pipeline, RingScenario scenario)
    {
        Sequencer sequencer = pipeline.RingBuffer.Sequencer;
        switch (scenario.Topology)
        {
            case Topology.Chain:
                {
                    var chain = Enumerable.Range(0, scenario.Width).Select(i => new RecordingHandler(sequencer, $"stage-{i}")).ToList();
                    HandlerGroup<TestEvent> stage = pipeline.HandleEventsWith(chain[0]);
                    foreach (RecordingHandler next in chain.Skip(1))
                    {
                        next.Upstream = stage.Sequences;
                        stage = stage.Then(next);
                    }

                    return chain;
                }

            case Topology.Parallel:
                {
                    var group = Enumerable.Range(0, scenario.Width).Select(i => new RecordingHandler(sequencer, $"parallel-{i}")).ToList();
                    pipeline.HandleEventsWith([.. group]);
                    return group;
                }

            case Topology.Diamond:
                {
                    var left = new RecordingHandler(sequencer, "diamond-left");
                    var right = new RecordingHandler(sequencer, "diamond-right");
                    var join = new RecordingHandler(sequencer, "diamond-join");
                    HandlerGroup<TestEvent> sides = pipeline.HandleEventsWith(left, right);
                    join.Upstream = sides.Sequences;
                    sides.Then(join);
                    return [left, right, join];
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario.Topology, "Unknown topology.");
        }
    }
}
