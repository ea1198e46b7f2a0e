using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MiniQuantDesk.Benchmarks.Events;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Ring;
using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Benchmarks.Throughput;

/// <summary>
/// A three-stage pipeline, A then B then C, every stage on its own thread: the staged topology of the business
/// logic. The ring shares one ring between the stages (each stage's barrier follows the stage before); the
/// channel version chains three channels, each stage reading one and writing the next.
/// <code>
/// ring:     producer ──▶ [ ring 65536 ] ──▶ barrier(cursor) ──▶ A: sum
///                                        ──▶ barrier(A)      ──▶ B: sum
///                                        ──▶ barrier(B)      ──▶ C: sum ──▶ gates the producer
///           yielding wait strategy (4 threads on 2 cores)
///
/// channels: producer ──▶ [ ch1 ] ──▶ A: sum ──▶ [ ch2 ] ──▶ B: sum ──▶ [ ch3 ] ──▶ C: sum
///           bounded 65536 each, single reader and single writer, asynchronous readers
/// </code>
/// Each invocation publishes <see cref="ThroughputSettings.EventsPerInvoke"/> events and spins until C has
/// handled the last one.
/// </summary>
[MemoryDiagnoser]
public class ThreeStagePipelineThroughput
{
    private const int Events = ThroughputSettings.EventsPerInvoke;
    private const int Batch = ThroughputSettings.BatchSize;

    private RingPipeline<LongEvent>? _pipeline;
    private ValueRingBuffer<LongEvent>? _ring;
    private SummingHandler[] _handlers = [];
    private Sequence? _last;
    private Channel<long>[] _channels = [];
    private SummingChannelReader[] _readers = [];
    private long _published;
    private long _value;

    /// <summary>Starts the ring pipeline A → B → C (yielding).</summary>
    [GlobalSetup(Targets = [nameof(RingYielding), nameof(RingYieldingBatch)])]
    public void SetUpRing()
    {
        _pipeline = new RingPipeline<LongEvent>(ThroughputSettings.Capacity, ProducerType.Single, new YieldingWaitStrategy());
        _handlers = [new SummingHandler(), new SummingHandler(), new SummingHandler()];
        _pipeline.HandleEventsWith(_handlers[0]).Then(_handlers[1]).Then(_handlers[2]);
        _pipeline.Start();
        _ring = _pipeline.RingBuffer;
        _last = _pipeline.Processors[2].Sequence;
    }

    /// <summary>Starts three chained channels and their readers.</summary>
    [GlobalSetup(Target = nameof(Channels))]
    public void SetUpChannels()
    {
        _channels =
        [
            ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: true),
            ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: true),
            ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: true),
        ];
        _readers =
        [
            new SummingChannelReader(_channels[0].Reader, _channels[1].Writer),
            new SummingChannelReader(_channels[1].Reader, _channels[2].Writer),
            new SummingChannelReader(_channels[2].Reader),
        ];
    }

    /// <summary>Baseline: three chained bounded channels.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long Channels()
    {
        ChannelWriter<long> writer = _channels[0].Writer;
        long value = _value;
        for (int i = 0; i < Events; i++)
        {
            ChannelProducer.Write(writer, ++value);
        }

        _value = value;
        _published += Events;
        Completion.WaitFor(_readers[2], _published);
        return value;
    }

    /// <summary>The ring, one <c>Next</c>/<c>Publish</c> per event.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingYielding()
    {
        long sequence = RingPublisher.OneByOne(_ring!, Events);

        _published += Events;
        Completion.WaitFor(_last!, sequence);
        return sequence;
    }

    /// <summary>The ring, claiming and publishing batches of <see cref="ThroughputSettings.BatchSize"/>.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingYieldingBatch()
    {
        long high = RingPublisher.InBatches(_ring!, Events, Batch);

        _published += Events;
        Completion.WaitFor(_last!, high);
        return high;
    }

    /// <summary>Drains and stops the pipeline or completes the channels, and checks that every stage saw every event.</summary>
    [GlobalCleanup]
    public void CleanUp()
    {
        if (_pipeline is not null)
        {
            _pipeline.DrainAndStop(ThroughputSettings.StopTimeout);
            foreach (SummingHandler handler in _handlers)
            {
                Verify.Handled("ring stage", handler.Count, _published);
            }
        }

        if (_channels.Length > 0)
        {
            _channels[0].Writer.Complete();
            foreach (SummingChannelReader reader in _readers)
            {
                reader.WaitUntilCompleted(ThroughputSettings.StopTimeout);
                Verify.Handled("channel stage", reader.Handled, _published);
            }
        }
    }
}
