using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MiniQuantDesk.Benchmarks.Engine;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Pipeline;

namespace MiniQuantDesk.Benchmarks.Throughput;

/// <summary>
/// Full-chain throughput of the trading core running <c>sma-cross</c> on minute bars: integrity, strategy, risk,
/// gateway, and every approved order acknowledged and filled (<see cref="InstantFills"/>), so the order manager and
/// the portfolio work too. One operation is one bar (the acks and fills it causes come on top).
/// <code>
/// fused, polled:   benchmark thread: publish 64 bars ─▶ Poll (integrity→strategy→risk→gateway→broker) ─▶ ack+fill
///                  (the ring has 16 slots: publishing handles it whenever it is full)
/// fused, threaded: benchmark thread ──bars, acks, fills──▶ [ ring ] ─▶ thread 1: all four stages ─▶ thread 2: broker
/// staged:          benchmark thread ──bars, acks, fills──▶ [ ring ] ─▶ integrity ─▶ strategy ─▶ risk ─▶ gateway ─▶ broker
///                                                                      (one thread each, yielding)
/// channel:         benchmark thread ──TryWrite──▶ [ Channel&lt;long&gt; ] ─▶ async reader (the same-run baseline)
/// </code>
/// Each iteration starts a fresh engine on the same million bars from 1990, so the calendar never runs out whatever
/// the job. The bars are made off the chain's thread, as a feed's would be:
/// <list type="bullet">
/// <item>polled, the chain runs on the producer's thread, so the bars are made once before anything is measured, as a
/// backtest's are parsed before it runs (made in the loop, they cost about 7% of the fused chain's time);</item>
/// <item>threaded, the producer has a thread of its own and makes each bar as it publishes it, pacing itself like a
/// feed. A producer with nothing to do but publish waits on a full ring by spinning, and on this 2-core machine that
/// takes a core from the handlers (measured with bars made beforehand: fused threaded 8.1 → 4.2 M bars/s, staged
/// 4.8 → 1.8 M).</item>
/// </list>
/// <para>An invocation is a million bars, one per iteration: six warmup iterations (rather than the CI profile's
/// two) let the benchmark's own loop, which runs once per invocation, reach its final compiled code before anything
/// is measured.</para>
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes nothing; cleanup stops the pipeline and completes the channel.")]
[MemoryDiagnoser]
[WarmupCount(6)]
public class EngineThroughput
{
    private const int Bars = 1 << 20;
    private const int Batch = 64;

    private TradingPipeline? _pipeline;
    private InstantFills? _broker;
    private Bar[]? _bars;
    private MinuteBarSource? _source;
    private PipelineTopology _topology;
    private PipelineDriver _driver;
    private Channel<long>? _channel;
    private SummingChannelReader? _channelReader;
    private long _published;
    private long _value;

    /// <summary>The polled, fused engine: everything on the benchmark thread.</summary>
    [GlobalSetup(Target = nameof(FusedPolled))]
    public void SetUpFusedPolled() => SetUp(PipelineTopology.Fused, PipelineDriver.Polled);

    /// <summary>The fused engine on a thread of its own.</summary>
    [GlobalSetup(Target = nameof(FusedThreaded))]
    public void SetUpFusedThreaded() => SetUp(PipelineTopology.Fused, PipelineDriver.Threaded);

    /// <summary>The staged engine: a thread per stage.</summary>
    [GlobalSetup(Target = nameof(Staged))]
    public void SetUpStaged() => SetUp(PipelineTopology.Staged, PipelineDriver.Threaded);

    /// <summary>Starts the channel and its asynchronous reader.</summary>
    [GlobalSetup(Target = nameof(Channel))]
    public void SetUpChannel()
    {
        _channel = ChannelProducer.CreateBounded(ThroughputSettings.Capacity, singleWriter: true);
        _channelReader = new SummingChannelReader(_channel.Reader);
    }

    /// <summary>A fresh engine and bar stream for each iteration (not timed).</summary>
    [IterationSetup(Targets = [nameof(FusedPolled), nameof(FusedThreaded), nameof(Staged)])]
    public void StartEngine()
    {
        StopEngine();
        _broker = new InstantFills();
        _source = new MinuteBarSource(EngineBench.Symbol);
        _pipeline = EngineBench.Create(_topology, _driver, _broker, _source);
    }

    /// <summary>Stops the iteration's engine (not timed).</summary>
    [IterationCleanup(Targets = [nameof(FusedPolled), nameof(FusedThreaded), nameof(Staged)])]
    public void StopEngine()
    {
        if (_pipeline is null)
        {
            return;
        }

        _pipeline.DrainAndStop(ThroughputSettings.StopTimeout);
        if (_pipeline.Gateway.BookAt(0).Halt.IsSet || _pipeline.Fault is not null)
        {
            throw new InvalidOperationException($"The benchmark engine stopped trading: {_pipeline.Gateway.BookAt(0).Halt} {_pipeline.Fault}");
        }

        if (_broker!.Answered == 0)
        {
            throw new InvalidOperationException("The benchmark engine never traded: the measurement would not cover orders and fills.");
        }

        _pipeline = null;
    }

    /// <summary>Baseline: a bounded SPSC <see cref="Channel{T}"/> passing one long per operation.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Bars)]
    public long Channel()
    {
        ChannelWriter<long> writer = _channel!.Writer;
        long value = _value;
        for (int i = 0; i < Bars; i++)
        {
            ChannelProducer.Write(writer, ++value);
        }

        _value = value;
        _published += Bars;
        Completion.WaitFor(_channelReader!, _published);
        return value;
    }

    /// <summary>Fused on one thread, polled: the backtest's shape.</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public long FusedPolled() => DrivePolled();

    /// <summary>Fused on one processor thread.</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public long FusedThreaded() => DriveThreaded();

    /// <summary>Staged: one thread per stage.</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public long Staged() => DriveThreaded();

    /// <summary>Completes the channel.</summary>
    [GlobalCleanup(Target = nameof(Channel))]
    public void CleanUpChannel()
    {
        _channel!.Writer.Complete();
        _channelReader!.WaitUntilCompleted(ThroughputSettings.StopTimeout);
        Verify.Handled("channel reader", _channelReader.Handled, _published);
    }

    private void SetUp(PipelineTopology topology, PipelineDriver driver)
    {
        (_topology, _driver) = (topology, driver);
        if (driver == PipelineDriver.Polled)
        {
            var source = new MinuteBarSource(EngineBench.Symbol);
            _bars = new Bar[Bars];
            for (int i = 0; i < Bars; i++)
            {
                source.Next(out _bars[i]);
            }
        }
    }

    /// <summary>Publishes the bars made beforehand, handling each batch on this thread.</summary>
    private long DrivePolled()
    {
        TradingPipeline pipeline = _pipeline!;
        Bar[] bars = _bars!;
        InstantFills broker = _broker!;
        long last = 0;
        for (int i = 0; i < Bars; i += Batch)
        {
            for (int j = i; j < i + Batch; j++)
            {
                last = pipeline.PublishBar(EngineBench.EngineId, in bars[j]);
            }

            pipeline.Poll();
            ref readonly Bar lastOfBatch = ref bars[i + Batch - 1];
            broker.AnswerAll(pipeline, lastOfBatch.Close, lastOfBatch.EndNs);
        }

        pipeline.Poll();
        return last;
    }

    /// <summary>Makes and publishes each bar, then waits for the handler threads to decide the last one.</summary>
    private long DriveThreaded()
    {
        TradingPipeline pipeline = _pipeline!;
        MinuteBarSource source = _source!;
        InstantFills broker = _broker!;
        Bar bar = default;
        long last = 0;
        for (int i = 0; i < Bars; i += Batch)
        {
            for (int j = 0; j < Batch; j++)
            {
                source.Next(out bar);
                last = pipeline.PublishBar(EngineBench.EngineId, in bar);
            }

            broker.AnswerAll(pipeline, bar.Close, bar.EndNs);
        }

        var spinner = default(SpinWait);
        while (pipeline.DecidedThrough < last)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return last;
    }
}
