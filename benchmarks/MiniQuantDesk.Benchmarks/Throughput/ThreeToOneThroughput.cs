using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MiniQuantDesk.Benchmarks.Events;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Ring;
using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Benchmarks.Throughput;

/// <summary>
/// Three producers, one consumer: the multi-producer sequencer (one atomic add per claim, per-slot publication
/// marks) against one channel with many writers and a single reader. The benchmark thread is producer 0; two
/// helper threads, started once, are producers 1 and 2. Each producer publishes a third of the events.
/// <code>
/// ring:     producer 0 ──┐
///           producer 1 ──┼──Next/Publish (CAS-free atomic add)──▶ [ ring 65536, multi ] ──▶ barrier(cursor +
///           producer 2 ──┘                                           published marks) ──▶ processor: sum
///           yielding wait strategy (4 threads on 2 cores)
///
/// channel:  producer 0 ──┐
///           producer 1 ──┼──TryWrite──▶ [ Channel&lt;long&gt; bounded 65536, SingleWriter=false, SingleReader=true ] ──▶ async reader: sum
///           producer 2 ──┘
/// </code>
/// Each invocation publishes <see cref="Events"/> events in total and spins until the consumer has handled all.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes nothing; GlobalCleanup disposes the producer crew.")]
public class ThreeToOneThroughput
{
    /// <summary>Events each producer publishes per invocation (a multiple of the batch size).</summary>
    public const int EventsPerProducer = ThroughputSettings.BatchSize * 5472;

    /// <summary>Events published per invocation by the three producers together.</summary>
    public const int Events = 3 * EventsPerProducer;

    private const int Batch = ThroughputSettings.BatchSize;

    private RingPipeline<LongEvent>? _pipeline;
    private ValueRingBuffer<LongEvent>? _ring;
    private SummingHandler? _handler;
    private Sequence? _consumed;
    private Channel<long>? _channel;
    private SummingChannelReader? _reader;
    private ProducerCrew? _crew;
    private long _published;

    /// <summary>Starts the multi-producer ring, its handler (yielding) and the helper producers publishing one by one.</summary>
    [GlobalSetup(Target = nameof(RingYielding))]
    public void SetUpRing()
    {
        StartRing();
        _crew = new ProducerCrew(2, _ => PublishOneByOne(_ring!));
    }

    /// <summary>Starts the multi-producer ring, its handler (yielding) and the helper producers publishing in batches.</summary>
    [GlobalSetup(Target = nameof(RingYieldingBatch))]
    public void SetUpRingBatch()
    {
        StartRing();
        _crew = new ProducerCrew(2, _ => PublishInBatches(_ring!));
    }

    /// <summary>Starts the multi-writer channel, its reader and the helper producers.</summary>
    [GlobalSetup(Target = nameof(Channel))]
    public void SetUpChannel()
    {
        _channel = ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: false);
        _reader = new SummingChannelReader(_channel.Reader);
        _crew = new ProducerCrew(2, producer => WriteShare(_channel.Writer, producer));
    }

    /// <summary>Baseline: one bounded channel, three writers, one reader.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long Channel()
    {
        _crew!.StartRound();
        WriteShare(_channel!.Writer, 0);
        _published += Events;
        Completion.WaitFor(_reader!, _published);
        return _published;
    }

    /// <summary>The multi-producer ring, one <c>Next</c>/<c>Publish</c> per event.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingYielding()
    {
        long target = _ring!.Cursor + Events;
        _crew!.StartRound();
        PublishOneByOne(_ring);
        _published += Events;
        Completion.WaitFor(_consumed!, target);
        return target;
    }

    /// <summary>The multi-producer ring, each producer claiming and publishing batches of <see cref="ThroughputSettings.BatchSize"/>.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingYieldingBatch()
    {
        long target = _ring!.Cursor + Events;
        _crew!.StartRound();
        PublishInBatches(_ring);
        _published += Events;
        Completion.WaitFor(_consumed!, target);
        return target;
    }

    /// <summary>Stops the helper producers, drains the ring or completes the channel, and checks the count.</summary>
    [GlobalCleanup]
    public void CleanUp()
    {
        _crew?.Dispose();
        if (_pipeline is not null)
        {
            _pipeline.DrainAndStop(ThroughputSettings.StopTimeout);
            Verify.Handled("ring handler", _handler!.Count, _published);
        }

        if (_channel is not null)
        {
            _channel.Writer.Complete();
            _reader!.WaitUntilCompleted(ThroughputSettings.StopTimeout);
            Verify.Handled("channel reader", _reader.Handled, _published);
        }
    }

    private static void PublishOneByOne(ValueRingBuffer<LongEvent> ring)
    {
        for (int i = 0; i < EventsPerProducer; i++)
        {
            long sequence = ring.Next();
            ring[sequence].Value = sequence;
            ring.Publish(sequence);
        }
    }

    private static void PublishInBatches(ValueRingBuffer<LongEvent> ring)
    {
        for (int i = 0; i < EventsPerProducer; i += Batch)
        {
            long high = ring.Next(Batch);
            long low = high - Batch + 1;
            for (long sequence = low; sequence <= high; sequence++)
            {
                ring[sequence].Value = sequence;
            }

            ring.Publish(low, high);
        }
    }

    private static void WriteShare(ChannelWriter<long> writer, int producer)
    {
        long first = (long)producer * EventsPerProducer;
        for (long value = first; value < first + EventsPerProducer; value++)
        {
            ChannelProducer.Write(writer, value);
        }
    }

    private void StartRing()
    {
        _pipeline = new RingPipeline<LongEvent>(ThroughputSettings.Capacity, ProducerType.Multi, new YieldingWaitStrategy());
        _handler = new SummingHandler();
        _pipeline.HandleEventsWith(_handler);
        _pipeline.Start();
        _ring = _pipeline.RingBuffer;
        _consumed = _pipeline.Processors[0].Sequence;
    }
}
