using System.Diagnostics;
using MiniQuantDesk.Benchmarks.Engine;
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
/// producer: stamp ─▶ PublishBar ─▶ [ ring ] ─▶ integrity ─▶ strategy ─▶ risk ─▶ gateway (decided)
///    ▲                                                                            │
///    └───────── spins until DecidedThrough reaches the bar, stamps again ◀─────────┘
/// </code>
/// The producer observes the decision, so each sample also holds the one hop back to it: an upper bound on the
/// decision itself. Acks and fills are published outside the timed span, so every bar is timed alone.
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
        using LatencyJournal journal = LatencyJournal.Start();
        LatencyScenarioResult result = Measure(PipelineTopology.Fused, events, warmup, journal);
        if (journal.Writer.Failure is { } failure)
        {
            throw new InvalidOperationException($"The journal failed during the measurement: {failure.Message}", failure);
        }

        return result;
    }

    private static LatencyScenarioResult Measure(PipelineTopology topology, long events, long warmup, LatencyJournal? journal)
    {
        string name = journal is not null ? FusedJournal : topology == PipelineTopology.Fused ? Fused : Staged;
        Console.WriteLine($"// latency: measuring {name} ...");
        var source = new MinuteBarSource(EngineBench.Symbol);
        var broker = new InstantFills();
        TradingPipeline pipeline = EngineBench.Create(topology, PipelineDriver.Threaded, broker, source, journal?.Writer, journal?.RunNumber ?? 1);
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

            long end = Stopwatch.GetTimestamp();
            if (index >= warmup)
            {
                histogram.Record(LatencyClock.ToNanoseconds(end - start));
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
        if (pipeline.Fault is not null || pipeline.Gateway.BookAt(0).Halt.IsSet || broker.Answered == 0)
        {
            throw new InvalidOperationException($"The {name} engine did not trade through the measurement: fault {pipeline.Fault}, halt {pipeline.Gateway.BookAt(0).Halt}, {broker.Answered} orders answered.");
        }

        string description = journal is not null
            ? "sma-cross, publish bar -> gateway decision observed by the producer; fused, yielding, with the journal committing to PostgreSQL on its own thread"
            : topology == PipelineTopology.Fused
            ? "sma-cross, publish bar -> gateway decision observed by the producer; the four stages fused on one thread, yielding"
            : "sma-cross, publish bar -> gateway decision observed by the producer; one thread per stage, yielding";
        return LatencyScenarioResult.From(name, description, histogram, (double)allocated / events);
    }
}
