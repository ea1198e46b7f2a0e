using System.Diagnostics;
using System.Globalization;
using MiniQuantDesk.Benchmarks.Engine;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Writing;
using MiniQuantDesk.Ring;
using MiniQuantDesk.Ring.Diagnostics;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>
/// Tick-to-decision latency of the trading core: the time from publishing a bar to the gateway stage having decided
/// it (every order it caused approved or refused), for the fused engine (one processor thread) and the staged one (a
/// thread per stage), yielding wait strategy, running <c>sma-cross</c> on minute bars with every approved order
/// acknowledged and filled between bars (outside the timed span, and handled before the next bar is published).
/// <code>
/// producer: claim, write bar, stamp ─▶ publish ─▶ [ ring ] ─▶ integrity ─▶ strategy ─▶ risk ─▶ gateway ─▶ probe: stamp
///    ▲                                                                                            │
///    └──── spins until DecidedThrough reaches the bar, reads the probe's stamp ◀──────────────────┘
/// </code>
/// The sample ends on the business-logic thread (<see cref="DecisionProbe"/>, a decision observer), so a producer
/// that is descheduled while it waits does not lengthen it. The fused scenarios run as a colocated deployment
/// would, where Linux allows it (<see cref="CpuPinning"/>): the business-logic thread alone on the last CPU, and the
/// producer, the handlers after the business logic, and with the journal its PostgreSQL server on the others. With
/// and without the journal, the handlers after the business logic sleep when idle; the two runs differ only by the
/// journal. They are measured in alternating rounds (without, with, without, ...), each on a fresh pipeline, so a
/// slow drift of the machine (the host moving the virtual CPUs) weighs on both alike; each pools its rounds.
/// </summary>
internal static class TickToDecision
{
    /// <summary>The fused engine's scenario name.</summary>
    public const string Fused = "engine-fused";

    /// <summary>The staged engine's scenario name.</summary>
    public const string Staged = "engine-staged";

    /// <summary>The fused engine's scenario name with the journal running after it.</summary>
    public const string FusedJournal = "engine-fused-journal";

    /// <summary>Alternating rounds of the fused scenarios.</summary>
    private const int Rounds = 4;

    /// <summary>Measures the staged engine: <paramref name="events"/> bars after <paramref name="warmup"/> bars.</summary>
    public static LatencyScenarioResult MeasureStaged(long events, long warmup, long gapNanoseconds)
    {
        Console.WriteLine($"// latency: measuring {Staged} ...");
        var histogram = new LatencyHistogram();
        Round round = Measure(PipelineTopology.Staged, events, warmup, journal: null, histogram, isolate: false, gapNanoseconds);
        return Result(
            Staged,
            "sma-cross, publish bar -> gateway decision (stamped on the deciding thread); one thread per stage, yielding",
            histogram,
            [round],
            events);
    }

    /// <summary>
    /// Measures the fused engine without and with the journal writing every order, ack and fill to PostgreSQL on its
    /// own thread (the business logic must not wait for the database; only a full ring would make the producer wait),
    /// in <see cref="Rounds"/> alternating rounds of <paramref name="events"/> / <see cref="Rounds"/> bars each, every
    /// round after <paramref name="warmup"/> bars.
    /// </summary>
    public static IReadOnlyList<LatencyScenarioResult> MeasureFused(long events, long warmup, long gapNanoseconds)
    {
        Console.WriteLine($"// latency: measuring {Fused} and {FusedJournal} in {Rounds} alternating rounds ...");
        // Every thread moves off the business logic's CPU before the server starts, so PostgreSQL (started from this
        // thread) inherits the shared CPUs.
        bool isolate = CpuPinning.Available;
        if (isolate)
        {
            CpuPinning.ShareAllThreads();
        }

        try
        {
            using LatencyJournal journal = LatencyJournal.Start();
            long perRound = Math.Max(1, events / Rounds);
            var without = new LatencyHistogram();
            var with = new LatencyHistogram();
            var withoutRounds = new List<Round>();
            var withRounds = new List<Round>();
            // One round of each first, not kept: the first pipeline of a process also pays for tiered compilation,
            // which would make whichever scenario runs first look slower.
            Measure(PipelineTopology.Fused, perRound, warmup, journal: null, new LatencyHistogram(), isolate, gapNanoseconds);
            using (JournalWriter priming = journal.CreateWriter(out long primingRun))
            {
                Measure(PipelineTopology.Fused, perRound, warmup, (priming, primingRun), new LatencyHistogram(), isolate, gapNanoseconds);
            }

            for (int round = 0; round < Rounds; round++)
            {
                withoutRounds.Add(Measure(PipelineTopology.Fused, perRound, warmup, journal: null, without, isolate, gapNanoseconds));
                using JournalWriter writer = journal.CreateWriter(out long runNumber);
                withRounds.Add(Measure(PipelineTopology.Fused, perRound, warmup, (writer, runNumber), with, isolate, gapNanoseconds));
                if (writer.Failure is { } failure)
                {
                    throw new InvalidOperationException($"The journal failed during the measurement: {failure.Message}", failure);
                }
            }

            string placement = isolate ? $"; business logic alone on cpu {CpuPinning.IsolatedCpu}, every other thread and PostgreSQL on the others" : string.Empty;
            return
            [
                Result(Fused, $"sma-cross, publish bar -> gateway decision (stamped on the deciding thread); the four stages fused on one thread, yielding{placement}; {Rounds} rounds alternating with {FusedJournal}", without, withoutRounds, perRound * Rounds),
                Result(FusedJournal, $"sma-cross, publish bar -> gateway decision (stamped on the deciding thread); fused, yielding, with the journal committing to PostgreSQL on its own thread{placement}; {Rounds} rounds alternating with {Fused}", with, withRounds, perRound * Rounds),
            ];
        }
        finally
        {
            if (isolate)
            {
                CpuPinning.Release();
            }
        }
    }

    private static LatencyScenarioResult Result(string name, string description, LatencyHistogram histogram, List<Round> rounds, long events)
    {
        long waited = rounds.Sum(r => r.WaitedForSpace);
        long bars = rounds.Sum(r => r.Bars);
        string roundP99 = string.Join(", ", rounds.Select(r => LatencyHarness.Duration(r.P99Ns)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// latency: {name}: p99 per round {roundP99}; {waited:N0} of {bars:N0} bars waited for ring space (backpressure, not timed)"));
        return LatencyScenarioResult.From(
            name,
            string.Create(CultureInfo.InvariantCulture, $"{description}; p99 per round {roundP99}; {waited:N0} of {bars:N0} bars waited for ring space before their stamp"),
            histogram,
            (double)rounds.Sum(r => r.AllocatedBytes) / events);
    }

    private static Round Measure(PipelineTopology topology, long events, long warmup, (JournalWriter Writer, long RunNumber)? journal, LatencyHistogram pooled, bool isolate, long gapNanoseconds)
    {
        long gapTicks = LatencyClock.ToTicks(gapNanoseconds);
        var source = new MinuteBarSource(EngineBench.Symbol);
        var broker = new InstantFills();
        var probe = new DecisionProbe(EngineBench.ThreadedRingSize);
        TradingPipeline pipeline = EngineBench.Create(topology, PipelineDriver.Threaded, broker, source, journal?.Writer, journal?.RunNumber ?? 1, probe);
        if (isolate)
        {
            // The fused processor is the ring's first thread ("ring-0-..."): the business logic gets a CPU of its own.
            CpuPinning.Isolate("ring-0-");
        }

        var histogram = new LatencyHistogram();
        long waitedForSpace = 0;
        long allocatedBefore = 0;
        long total = warmup + events;
        for (long index = 0; index < total; index++)
        {
            if (index == warmup)
            {
                allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            }

            source.Next(out Bar bar);
            var spinner = default(SpinWait);
            if (pipeline.Ring.RemainingCapacity() < 1)
            {
                // A full ring is backpressure on the producer (a handler after the business logic behind), which
                // the issue allows: the business logic is not what the bar waits for. Counted and reported.
                waitedForSpace++;
            }

            // The producer claims the slot and writes the bar first (what PublishBar does), so the sample starts at
            // the publish itself: neither a full ring nor the claim's look at the consumers' sequences is in it.
            ValueRingBuffer<PipelineEvent> ring = pipeline.Ring;
            long sequence = ring.Next();
            ring[sequence].SetBar(EngineBench.EngineId, in bar);
            long start = Stopwatch.GetTimestamp();
            ring.Publish(sequence);
            while (pipeline.DecidedThrough < sequence)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            if (index >= warmup)
            {
                histogram.Record(LatencyClock.ToNanoseconds(probe.DecidedAt(sequence) - start));
            }

            broker.AnswerAll(pipeline, bar.Close, bar.EndNs);

            // The next bar is timed alone: the acks and fills just published are handled before it is published,
            // so no sample includes queueing behind broker messages.
            long published = pipeline.Ring.Cursor;
            while (pipeline.DecidedThrough < published)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            // A paced feed (--gap-ns): the next bar comes no sooner than the gap after this one. The producer yields
            // meanwhile, leaving its CPU to the journal and PostgreSQL.
            while (gapTicks > 0 && Stopwatch.GetTimestamp() - start < gapTicks)
            {
                Thread.Yield();
            }
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        pipeline.DrainAndStop(TimeSpan.FromSeconds(30));
        if (pipeline.Fault is not null || pipeline.Gateway.BookAt(0).Halt.IsSet || broker.Answered == 0)
        {
            throw new InvalidOperationException($"The {topology} engine did not trade through the measurement: fault {pipeline.Fault}, halt {pipeline.Gateway.BookAt(0).Halt}, {broker.Answered} orders answered.");
        }

        pooled.Add(histogram);
        return new Round(histogram.ValueAtPercentile(99), waitedForSpace, total, allocated);
    }

    /// <summary>One round's p99, ring-full waits, bars published and bytes allocated while measuring.</summary>
    private readonly record struct Round(long P99Ns, long WaitedForSpace, long Bars, long AllocatedBytes);
}
