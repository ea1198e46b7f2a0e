using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MiniQuantDesk.Benchmarks.Events;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Ring;
using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Benchmarks.Throughput;

/// <summary>
/// One producer, three consumers that each see every event (multicast), in parallel. The ring publishes each
/// event once and the three processors read the same slot; the channel version writes each event into three
/// channels, one per reader.
/// <code>
/// ring:     producer ──▶ [ ring 65536 ] ──▶ barrier(cursor) ──┬──▶ A: sum ──┐
///                                                             ├──▶ B: sum ──┼──▶ the slowest gates the producer
///                                                             └──▶ C: sum ──┘
///           yielding wait strategy (4 threads on 2 cores)
///
/// channels: producer ──┬──▶ [ ch1 ] ──▶ A: sum
///                      ├──▶ [ ch2 ] ──▶ B: sum      bounded 65536 each, SPSC, asynchronous readers
///                      └──▶ [ ch3 ] ──▶ C: sum
/// </code>
/// Each invocation publishes <see cref="ThroughputSettings.EventsPerInvoke"/> events and spins until all three
/// consumers have handled the last one.
/// </summary>
[MemoryDiagnoser]
public class MulticastThroughput
{
    private const int Events = ThroughputSettings.EventsPerInvoke;
    private const int Batch = ThroughputSettings.BatchSize;

    private RingPipeline<LongEvent>? _pipeline;
    private ValueRingBuffer<LongEvent>? _ring;
    private SummingHandler[] _handlers = [];
    private Sequence[] _consumed = [];
    private Channel<long>[] _channels = [];
    private SummingChannelReader[] _readers = [];
    private long _published;
    private long _value;

    /// <summary>Starts the ring with three parallel handlers (yielding).</summary>
    [GlobalSetup(Targets = [nameof(RingYielding), nameof(RingYieldingBatch)])]
    public void SetUpRing()
    {
        _pipeline = new RingPipeline<LongEvent>(ThroughputSettings.Capacity, ProducerType.Single, new YieldingWaitStrategy());
        _handlers = [new SummingHandler(), new SummingHandler(), new SummingHandler()];
        _pipeline.HandleEventsWith(_handlers);
        _pipeline.Start();
        _ring = _pipeline.RingBuffer;
        _consumed = [.. _pipeline.Processors.Select(p => p.Sequence)];
    }

    /// <summary>Starts three channels and their readers.</summary>
    [GlobalSetup(Target = nameof(Channels))]
    public void SetUpChannels()
    {
        _channels =
        [
            ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: true),
            ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: true),
            ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: true),
        ];
        _readers = [.. _channels.Select(c => new SummingChannelReader(c.Reader))];
    }

    /// <summary>Baseline: the producer writes every event to three channels.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long Channels()
    {
        ChannelWriter<long> first = _channels[0].Writer;
        ChannelWriter<long> second = _channels[1].Writer;
        ChannelWriter<long> third = _channels[2].Writer;
        long value = _value;
        for (int i = 0; i < Events; i++)
        {
            value++;
            ChannelProducer.Write(first, value);
            ChannelProducer.Write(second, value);
            ChannelProducer.Write(third, value);
        }

        _value = value;
        _published += Events;
        foreach (SummingChannelReader reader in _readers)
        {
            Completion.WaitFor(reader, _published);
        }

        return value;
    }

    /// <summary>The ring, one <c>Next</c>/<c>Publish</c> per event.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingYielding()
    {
        long sequence = RingPublisher.OneByOne(_ring!, Events);

        _published += Events;
        Completion.WaitForAll(_consumed, sequence);
        return sequence;
    }

    /// <summary>The ring, claiming and publishing batches of <see cref="ThroughputSettings.BatchSize"/>.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingYieldingBatch()
    {
        long high = RingPublisher.InBatches(_ring!, Events, Batch);

        _published += Events;
        Completion.WaitForAll(_consumed, high);
        return high;
    }

    /// <summary>Drains and stops the pipeline or completes the channels, and checks that every consumer saw every event.</summary>
    [GlobalCleanup]
    public void CleanUp()
    {
        if (_pipeline is not null)
        {
            _pipeline.DrainAndStop(ThroughputSettings.StopTimeout);
            foreach (SummingHandler handler in _handlers)
            {
                Verify.Handled("ring consumer", handler.Count, _published);
            }
        }

        foreach (Channel<long> channel in _channels)
        {
            channel.Writer.Complete();
        }

        foreach (SummingChannelReader reader in _readers)
        {
            reader.WaitUntilCompleted(ThroughputSettings.StopTimeout);
            Verify.Handled("channel reader", reader.Handled, _published);
        }
    }
}
