using System.Diagnostics;
using MiniQuantDesk.Benchmarks.Engine;
using MiniQuantDesk.Benchmarks.Infrastructure;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Ring.Diagnostics;

namespace MiniQuantDesk.Benchmarks.Latency;

/// <summary>
/// Tick-to-decision latency of the trading core: the time from publishing a bar to the gateway stage having decided
/// it (every order it caused approved or refused), for the fused engine (one processor thread) and the staged one (a
/// thread per stage), yielding wait strategy, running <c>sma-cross</c> on minute bars with every approved order
/// acknowledged and filled between bars (outside the timed span, and handled before the next bar is published).
/// <code>
/// producer: stamp ─▶ PublishBar ─▶ [ ring ] ─▶ integrity ─▶ strategy ─▶ risk ─▶ gateway ─▶ probe: stamp (decided)
///    ▲                                                                                            │
///    └──── spins until DecidedThrough reaches the bar, reads the probe's stamp ◀──────────────────┘
/// </code>
/// The sample ends on the business-logic thread (<see cref="DecisionProbe"/>, a decision observer), so a producer
/// that is descheduled while it waits does not lengthen it. The fused scenarios run as a colocated deployment
/// would, where Linux allows it (<see cref="CpuPinning"/>): the business-logic thread alone on the last CPU, and the
/// producer, the handlers after the business logic, and with the journal its PostgreSQL server on the others. With
/// and without the journal, the handlers after the business logic sleep when idle; the two runs differ only by the
/// journal.
/// </summary>
internal static class TickToDecision
{
    /// <summary>The fused engine's scenario name.</summary>
    public const string Fused = "engine-fused";

    /// <summary>The staged engine's scenario name.</summary>
    public const string Staged = "engine-staged";

    /// <summary>The fused engine's scenario name with the journal running after it.</summary>
    public const string FusedJournal = "engine-fused-journal";

    /// <summary>Measures <paramref name="events"/> bars after <paramref name="warmup"/> bars.</summary>
    public static LatencyScenarioResult Measure(PipelineTopology topology, long events, long warmup) => Measure(topology, events, warmup, journal: null);

    /// <summary>Measures the fused engine with the journal writing every order, ack and fill to PostgreSQL on its own
    /// thread: the business logic must not wait for the database (only a full ring would make it).</summary>
    public static LatencyScenarioResult MeasureWithJournal(long events, long warmup)
    {
        // Pinned before the server starts, so that PostgreSQL (started from this thread) inherits the shared CPUs.
        bool pinned = PinProducerSide(PipelineTopology.Fused);
        try
        {
            using LatencyJournal journal = LatencyJournal.Start();
            LatencyScenarioResult result = Measure(PipelineTopology.Fused, events, warmup, journal);
            if (journal.Writer.Failure is { } failure)
            {
                throw new InvalidOperationException($"The journal failed during the measurement: {failure.Message}", failure);
            }

            return result;
        }
        finally
        {
            if (pinned)
            {
                CpuPinning.UnpinCurrentThread();
            }
        }
    }

    /// <summary>Pins the calling (producer) thread, and with it every thread and process it starts, to all CPUs but
    /// the last, which is left to the fused business-logic thread; false when not pinned (staged, or not Linux).</summary>
    private static bool PinProducerSide(PipelineTopology topology)
    {
        if (topology != PipelineTopology.Fused || !CpuPinning.Available)
        {
            return false;
        }

        CpuPinning.PinCurrentThreadExcept(CpuPinning.LastCpu);
        return true;
    }

    private static LatencyScenarioResult Measure(PipelineTopology topology, long events, long warmup, LatencyJournal? journal)
    {
        string name = journal is not null ? FusedJournal : topology == PipelineTopology.Fused ? Fused : Staged;
        Console.WriteLine($"// latency: measuring {name} ...");
        var source = new MinuteBarSource(EngineBench.Symbol);
        var broker = new InstantFills();
        var probe = new DecisionProbe(EngineBench.ThreadedRingSize);
        bool pinnedHere = journal is null && PinProducerSide(topology);
        bool pinned = pinnedHere || (journal is not null && CpuPinning.Available);
        TradingPipeline pipeline = EngineBench.Create(topology, PipelineDriver.Threaded, broker, source, journal?.Writer, journal?.RunNumber ?? 1, probe);
        if (pinned)
        {
            // The fused processor is the ring's first thread ("ring-0-..."): the business logic gets the last CPU.
            int threads = CpuPinning.PinThreadsNamed("ring-0-", CpuPinning.LastCpu);
            if (threads != 1)
            {
                throw new InvalidOperationException($"Expected one business-logic thread named ring-0-*, found {threads}.");
            }
        }

        var histogram = new LatencyHistogram();
        long allocatedBefore = 0;
        long total = warmup + events;
        for (long index = 0; index < total; index++)
        {
            if (index == warmup)
            {
                allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            }

            source.Next(out Bar bar);
            long start = Stopwatch.GetTimestamp();
            long sequence = pipeline.PublishBar(EngineBench.EngineId, in bar);
            var spinner = default(SpinWait);
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
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        pipeline.DrainAndStop(TimeSpan.FromSeconds(30));
        if (pinnedHere)
        {
            CpuPinning.UnpinCurrentThread();
        }

        if (pipeline.Fault is not null || pipeline.Gateway.BookAt(0).Halt.IsSet || broker.Answered == 0)
        {
            throw new InvalidOperationException($"The {name} engine did not trade through the measurement: fault {pipeline.Fault}, halt {pipeline.Gateway.BookAt(0).Halt}, {broker.Answered} orders answered.");
        }

        string placement = pinned ? $"; business logic pinned to cpu {CpuPinning.LastCpu}, the rest to the other cpus" : string.Empty;
        string description = journal is not null
            ? $"sma-cross, publish bar -> gateway decision (stamped on the deciding thread); fused, yielding, with the journal committing to PostgreSQL on its own thread{placement}"
            : topology == PipelineTopology.Fused
            ? $"sma-cross, publish bar -> gateway decision (stamped on the deciding thread); the four stages fused on one thread, yielding{placement}"
            : "sma-cross, publish bar -> gateway decision (stamped on the deciding thread); one thread per stage, yielding";
        return LatencyScenarioResult.From(name, description, histogram, (double)allocated / events);
    }
}
