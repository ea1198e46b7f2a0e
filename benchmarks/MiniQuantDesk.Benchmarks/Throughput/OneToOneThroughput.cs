using System.Collections.Concurrent;
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
/// One producer, one consumer: the ring against a bounded single-reader/single-writer channel and a bounded
/// blocking collection, in the same run so the ratios mean something.
/// <code>
/// ring:      producer ──Next/Publish──▶ [ ring 65536 ] ──▶ barrier(cursor) ──▶ processor: sum
///            (benchmark thread)                            yielding or busy-spin wait
///
/// batch:     producer ──Next(64)/Publish(lo,hi)──▶ [ ring ] ──▶ barrier(cursor) ──▶ processor: sum
///
/// channel:   producer ──TryWrite──▶ [ Channel&lt;long&gt; bounded 65536, SPSC ] ──▶ async reader: sum
///
/// blocking:  producer ──Add──▶ [ BlockingCollection&lt;long&gt; bounded 65536 ] ──▶ reader thread: sum
/// </code>
/// Each invocation publishes <see cref="ThroughputSettings.EventsPerInvoke"/> events and spins until the consumer
/// has handled the last one, so the per-operation time is the time per event.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes nothing; GlobalCleanup completes and disposes the collection.")]
[MemoryDiagnoser]
public class OneToOneThroughput
{
    private const int Events = ThroughputSettings.EventsPerInvoke;
    private const int Batch = ThroughputSettings.BatchSize;

    private RingPipeline<LongEvent>? _pipeline;
    private ValueRingBuffer<LongEvent>? _ring;
    private SummingHandler? _handler;
    private Sequence? _consumed;
    private Channel<long>? _channel;
    private SummingChannelReader? _channelReader;
    private BlockingCollection<long>? _collection;
    private Thread? _collectionReader;
    private long _collectionSum;
    private long _collectionHandled;
    private long _published;
    private long _value;

    /// <summary>Starts a ring pipeline with one summing handler that yields when idle.</summary>
    [GlobalSetup(Targets = [nameof(RingYielding), nameof(RingYieldingBatch)])]
    public void SetUpRingYielding() => SetUpRing(new YieldingWaitStrategy());

    /// <summary>Starts a ring pipeline with one summing handler that busy-spins when idle.</summary>
    [GlobalSetup(Targets = [nameof(RingBusySpin), nameof(RingBusySpinBatch)])]
    public void SetUpRingBusySpin() => SetUpRing(new BusySpinWaitStrategy());

    /// <summary>Starts the channel and its asynchronous reader.</summary>
    [GlobalSetup(Target = nameof(Channel))]
    public void SetUpChannel()
    {
        _channel = ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: true);
        _channelReader = new SummingChannelReader(_channel.Reader);
    }

    /// <summary>Starts the blocking collection and its reader thread.</summary>
    [GlobalSetup(Target = nameof(BlockingCollection))]
    public void SetUpBlockingCollection()
    {
        _collection = new BlockingCollection<long>(new ConcurrentQueue<long>(), ThroughputSettings.Capacity);
        BlockingCollection<long> collection = _collection;
        _collectionReader = new Thread(() =>
        {
            long sum = 0;
            long handled = 0;
            foreach (long item in collection.GetConsumingEnumerable())
            {
                sum += item;
                Volatile.Write(ref _collectionHandled, ++handled);
            }

            _collectionSum = sum;
        })
        {
            IsBackground = true,
            Name = "blocking-collection-reader",
        };
        _collectionReader.Start();
    }

    /// <summary>Baseline: a bounded SPSC <see cref="Channel{T}"/>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long Channel()
    {
        ChannelWriter<long> writer = _channel!.Writer;
        long value = _value;
        for (int i = 0; i < Events; i++)
        {
            ChannelProducer.Write(writer, ++value);
        }

        _value = value;
        _published += Events;
        Completion.WaitFor(_channelReader!, _published);
        return value;
    }

    /// <summary>A bounded <see cref="BlockingCollection{T}"/> over a concurrent queue.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long BlockingCollection()
    {
        BlockingCollection<long> collection = _collection!;
        long value = _value;
        for (int i = 0; i < Events; i++)
        {
            collection.Add(++value);
        }

        _value = value;
        _published += Events;
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _collectionHandled) < _published)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return value;
    }

    /// <summary>The ring, yielding wait strategy, one <c>Next</c>/<c>Publish</c> per event.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingYielding() => PublishOneByOne();

    /// <summary>The ring, yielding wait strategy, claiming and publishing batches of <see cref="ThroughputSettings.BatchSize"/>.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingYieldingBatch() => PublishInBatches();

    /// <summary>The ring, busy-spin wait strategy, one <c>Next</c>/<c>Publish</c> per event.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingBusySpin() => PublishOneByOne();

    /// <summary>The ring, busy-spin wait strategy, claiming and publishing batches of <see cref="ThroughputSettings.BatchSize"/>.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long RingBusySpinBatch() => PublishInBatches();

    /// <summary>Stops whatever the benchmark started and checks that every published item was handled.</summary>
    [GlobalCleanup]
    public void CleanUp()
    {
        if (_pipeline is not null)
        {
            _pipeline.DrainAndStop(ThroughputSettings.StopTimeout);
            Verify.Handled("ring handler", _handler!.Count, _published);
        }

        if (_channel is not null)
        {
            _channel.Writer.Complete();
            _channelReader!.WaitUntilCompleted(ThroughputSettings.StopTimeout);
            Verify.Handled("channel reader", _channelReader.Handled, _published);
        }

        if (_collection is not null)
        {
            _collection.CompleteAdding();
            _collectionReader!.Join(ThroughputSettings.StopTimeout);
            Verify.Handled("blocking collection reader", Volatile.Read(ref _collectionHandled), _published);
            _collection.Dispose();
            GC.KeepAlive(_collectionSum);
        }
    }

    private void SetUpRing(IWaitStrategy waitStrategy)
    {
        _pipeline = new RingPipeline<LongEvent>(ThroughputSettings.Capacity, ProducerType.Single, waitStrategy);
        _handler = new SummingHandler();
        _pipeline.HandleEventsWith(_handler);
        _pipeline.Start();
        _ring = _pipeline.RingBuffer;
        _consumed = _pipeline.Processors[0].Sequence;
    }

    private long PublishOneByOne()
    {
        long sequence = RingPublisher.OneByOne(_ring!, Events);

        _published += Events;
        Completion.WaitFor(_consumed!, sequence);
        return sequence;
    }

    private long PublishInBatches()
    {
        long high = RingPublisher.InBatches(_ring!, Events, Batch);

        _published += Events;
        Completion.WaitFor(_consumed!, high);
        return high;
    }
}
