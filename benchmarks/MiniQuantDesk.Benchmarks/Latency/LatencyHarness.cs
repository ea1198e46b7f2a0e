using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring;
using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>
/// One-way latency, publish to handler, as a distribution over every event (BenchmarkDotNet reports statistics
/// per iteration, not per event, so this is a harness of its own). The producer stamps each event with
/// <see cref="Stopwatch.GetTimestamp"/> just before publishing it; the consumer records the difference when it
/// sees the event. The producer is paced: after each event it waits until the consumer has handled it (and
/// optionally spins a further gap), so the numbers are hand-off latency, not queueing.
/// <code>
/// ring-yielding:  producer ──stamp, Publish──▶ [ ring 1024 ] ──▶ barrier(cursor), yielding ──▶ handler: record(now - stamp)
///                    ▲──────────── waits until the handler's sequence reaches the event ────────────┘
/// ring-busy-spin: the same with the busy-spin wait strategy
/// channel:        producer ──stamp, TryWrite──▶ [ Channel&lt;long&gt; bounded 1024, SPSC ] ──▶ async reader: record(now - stamp)
/// </code>
/// </summary>
public static class LatencyHarness
{
    /// <summary>The scenario the latency targets and the regression check are about.</summary>
    public const string RingYielding = "ring-yielding";

    /// <summary>The baseline scenario.</summary>
    public const string Channel = "channel";

    /// <summary>The ring scenario with the busy-spin strategy (for information).</summary>
    public const string RingBusySpin = "ring-busy-spin";

    private const int RingSize = 1024;

    /// <summary>Runs the harness with the command-line arguments after <c>latency</c>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        long events = 1_000_000;
        long warmup = 100_000;
        long gapNanoseconds = 0;
        string json = Path.Combine("artifacts", "latency", "latency.json");
        for (int index = 0; index < args.Count; index++)
        {
            string value = index + 1 < args.Count ? args[index + 1] : string.Empty;
            switch (args[index])
            {
                case "--events":
                    events = ParsePositive("--events", value);
                    index++;
                    break;
                case "--warmup":
                    warmup = ParseNonNegative("--warmup", value);
                    index++;
                    break;
                case "--gap-ns":
                    gapNanoseconds = ParseNonNegative("--gap-ns", value);
                    index++;
                    break;
                case "--json":
                    json = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("--json needs a file path.") : value;
                    index++;
                    break;
                default:
                    throw new ArgumentException($"Unknown latency option '{args[index]}'. Options: --events N, --warmup N, --gap-ns N, --json FILE (see --help).");
            }
        }

        MachineInfo machine = MachineInfo.Current();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// latency: {events:N0} measured events per scenario after {warmup:N0} warm-up events; producer waits until each event is handled, then {gapNanoseconds} ns gap"));
        List<LatencyScenarioResult> results =
        [
            MeasureRing(RingYielding, "ring, single producer, yielding wait strategy", new YieldingWaitStrategy(), events, warmup, gapNanoseconds),
            MeasureChannel(events, warmup, gapNanoseconds),
            MeasureRing(RingBusySpin, "ring, single producer, busy-spin wait strategy", new BusySpinWaitStrategy(), events, warmup, gapNanoseconds),
            .. TickToDecision.MeasureFused(events, warmup, gapNanoseconds),
            TickToDecision.MeasureStaged(events, warmup, gapNanoseconds),
        ];

        var report = new LatencyReport(machine, warmup, gapNanoseconds, results);
        PrintTable(report);
        Json.Write(json, report);
        Console.WriteLine($"// latency results written to {Path.GetFullPath(json)}");
        return 0;
    }

    /// <summary>Prints <paramref name="report"/> as a table.</summary>
    public static void PrintTable(LatencyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Console.WriteLine();
        Console.WriteLine($"One-way latency, publish -> handler ({report.Machine})");
        Console.WriteLine("| scenario             |     events |      p50 |      p90 |      p99 |    p99.9 |       max |     mean | alloc B/event |");
        Console.WriteLine("|----------------------|-----------:|---------:|---------:|---------:|---------:|----------:|---------:|--------------:|");
        foreach (LatencyScenarioResult result in report.Scenarios)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {result.Name,-20} | {result.Events,10:N0} | {Duration(result.P50Ns),8} | {Duration(result.P90Ns),8} | {Duration(result.P99Ns),8} | {Duration(result.P999Ns),8} | {Duration(result.MaxNs),9} | {Duration((long)result.MeanNs),8} | {result.AllocatedBytesPerEvent,13:F3} |"));
        }

        LatencyScenarioResult? ring = report.Scenarios.FirstOrDefault(r => r.Name == RingYielding);
        if (ring is not null)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Target p99 < 5 us with the yielding strategy: {(ring.P99Ns < 5_000 ? "MET" : "MISSED")} (p99 = {Duration(ring.P99Ns)})."));
        }

        LatencyScenarioResult? fused = report.Scenarios.FirstOrDefault(r => r.Name == TickToDecision.Fused);
        if (fused is not null)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Target tick-to-decision p99 < 10 us fused, yielding: {(fused.P99Ns < 10_000 ? "MET" : "MISSED")} (p99 = {Duration(fused.P99Ns)}, p99.9 = {Duration(fused.P999Ns)})."));
        }

        LatencyScenarioResult? journaled = report.Scenarios.FirstOrDefault(r => r.Name == TickToDecision.FusedJournal);
        if (fused is not null && journaled is not null)
        {
            double overhead = ((double)journaled.P99Ns / fused.P99Ns) - 1;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Target business-logic p99 with the journal within 20% of without: {(overhead <= 0.20 ? "MET" : "MISSED")} (p99 {Duration(journaled.P99Ns)} on, {Duration(fused.P99Ns)} off: {overhead:+0%;-0%})."));
        }
    }

    /// <summary>Nanoseconds as a short human duration: <c>312 ns</c>, <c>4.21 us</c>, <c>1.30 ms</c>.</summary>
    public static string Duration(long nanoseconds) => nanoseconds switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds} ns"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:F2} us"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:F2} ms"),
    };

    private static LatencyScenarioResult MeasureRing(string name, string description, IWaitStrategy waitStrategy, long events, long warmup, long gapNanoseconds)
    {
        Console.WriteLine($"// latency: measuring {name} ...");
        var handler = new LatencyRecordingHandler(firstMeasured: warmup);
        var pipeline = new RingPipeline<LatencyEvent>(RingSize, ProducerType.Single, waitStrategy);
        pipeline.HandleEventsWith(handler);
        pipeline.Start();
        ValueRingBuffer<LatencyEvent> ring = pipeline.RingBuffer;
        Sequence handled = pipeline.Processors[0].Sequence;
        long gapTicks = LatencyClock.ToTicks(gapNanoseconds);
        long allocatedBefore = 0;
        long total = warmup + events;
        for (long index = 0; index < total; index++)
        {
            if (index == warmup)
            {
                allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            }

            long sequence = ring.Next();
            ring[sequence].PublishedTimestamp = Stopwatch.GetTimestamp();
            ring.Publish(sequence);
            var spinner = default(SpinWait);
            while (handled.Value < sequence)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            if (gapTicks > 0)
            {
                LatencyClock.SpinUntil(Stopwatch.GetTimestamp(), gapTicks);
            }
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        pipeline.DrainAndStop(TimeSpan.FromSeconds(30));
        return LatencyScenarioResult.From(name, description, handler.Histogram, (double)allocated / events);
    }

    private static LatencyScenarioResult MeasureChannel(long events, long warmup, long gapNanoseconds)
    {
        Console.WriteLine($"// latency: measuring {Channel} ...");
        Channel<long> channel = ChannelProducer.CreateBounded(RingSize, singleWriter: true);
        var reader = new LatencyChannelReader(channel.Reader, firstMeasured: warmup);
        ChannelWriter<long> writer = channel.Writer;
        long gapTicks = LatencyClock.ToTicks(gapNanoseconds);
        long allocatedBefore = 0;
        long total = warmup + events;
        for (long index = 0; index < total; index++)
        {
            if (index == warmup)
            {
                allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            }

            ChannelProducer.Write(writer, Stopwatch.GetTimestamp());
            var spinner = default(SpinWait);
            while (reader.Handled <= index)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            if (gapTicks > 0)
            {
                LatencyClock.SpinUntil(Stopwatch.GetTimestamp(), gapTicks);
            }
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        writer.Complete();
        if (!reader.Completion.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The channel reader did not finish within 30 s of the channel completing.");
        }

        return LatencyScenarioResult.From(
            Channel,
            "bounded Channel<long>, single reader and writer, asynchronous reader (WaitToReadAsync + TryRead)",
            reader.Histogram,
            (double)allocated / events);
    }

    private static long ParsePositive(string option, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{option} needs a positive whole number; got '{value}'.");

    private static long ParseNonNegative(string option, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) && parsed >= 0
            ? parsed
            : throw new ArgumentException($"{option} needs a whole number of at least 0; got '{value}'.");
}
