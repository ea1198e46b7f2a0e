using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Pipeline.Stages;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Tests.Pipeline.Support;

namespace MiniQuantDesk.Engine.Tests.Pipeline;

/// <summary>The pipeline's laws over random event streams.</summary>
public sealed class PipelineProperties
{
    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(30);

    [Fact]
    public void Fused_and_staged_pipelines_make_the_same_decisions_on_any_event_stream()
    {
        Prop.ForAll(Arb.From(EventScript.Steps(engines: 2)), steps =>
        {
            int[] engines = [1, 2];
            List<PipelineEvent> stream = Materialize(engines, steps, out List<SlotRecord> polled);

            List<SlotRecord> fused = RunThreaded(engines, stream, PipelineTopology.Fused);
            List<SlotRecord> staged = RunThreaded(engines, stream, PipelineTopology.Staged);

            return Comparable(polled).SequenceEqual(Comparable(fused)) && Comparable(fused).SequenceEqual(Comparable(staged));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Replaying_the_same_events_gives_the_same_decisions()
    {
        Prop.ForAll(Arb.From(EventScript.Steps(engines: 1)), steps =>
        {
            List<PipelineEvent> stream = Materialize([1], steps, out List<SlotRecord> first);
            var recorder = new DecisionRecorder();
            TradingPipeline again = Engines.Polled([Spec(1)], recorder);
            EventScript.Replay(again, stream);
            again.Poll();
            return Comparable(first).SequenceEqual(Comparable(recorder.Records));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Another_engines_events_never_change_an_engines_decisions_or_portfolio()
    {
        Gen<(ScriptStep[] Mine, ScriptStep[] Others, int[] Mix)> streams =
            from mine in EventScript.Steps(engines: 1)
            from others in EventScript.Steps(engines: 1)
            from mix in Gen.ArrayOf(Gen.Choose(0, 1), mine.Length + others.Length)
            select (mine, others, mix);
        Prop.ForAll(Arb.From(streams), s =>
        {
            // Alone.
            var aloneRecorder = new DecisionRecorder();
            var aloneApproved = new ApprovedLog();
            TradingPipeline alone = Engines.Polled([Spec(1)], aloneApproved, aloneRecorder);
            EventScript.Run(alone, aloneApproved, [1], s.Mine);

            // Interleaved with engine 2's own stream (engine index 1 in the combined run).
            ScriptStep[] combined = Interleave(s.Mine, s.Others.Select(step => step with { Engine = 1 }).ToArray(), s.Mix);
            var bothRecorder = new DecisionRecorder();
            var bothApproved = new ApprovedLog();
            TradingPipeline both = Engines.Polled([Spec(1), Spec(2)], bothApproved, bothRecorder);
            EventScript.Run(both, bothApproved, [1, 2], combined);

            var mineAlone = aloneRecorder.Records.Where(r => r.EngineId == 1).Select(Essence).ToList();
            var mineMixed = bothRecorder.Records.Where(r => r.EngineId == 1).Select(Essence).ToList();
            EnginePortfolio a = alone.Gateway.BookAt(0).Portfolio;
            EnginePortfolio b = both.Gateway.BookAt(0).Portfolio;
            return mineAlone.SequenceEqual(mineMixed) && a.Totals == b.Totals;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_stream_with_garbage_is_handled_with_named_reasons_and_leaves_the_portfolio_equal_to_its_ledger()
    {
        Prop.ForAll(Arb.From(EventScript.Steps(engines: 1)), steps =>
        {
            List<PipelineEvent> stream = Materialize([1], steps, out List<SlotRecord> records, out TradingPipeline pipeline);
            ExecutionBook book = pipeline.Gateway.BookAt(0);
            bool ledgerHolds = !book.Portfolio.VerifyAgainstLedger(long.MaxValue / 2).IsSet || book.Halt.IsSet;
            bool everyRefusalNamed = records.All(r => !r.Refused.IsSet || r.Refused.Code != ReasonCode.None);
            bool filledWithinTotals = book.Orders.Orders.ToArray().All(o => o.FilledQuantity <= o.Quantity);
            return pipeline.Fault is null && ledgerHolds && everyRefusalNamed && filledWithinTotals && stream.Count == records.Count;
        }).QuickCheckThrowOnFailure();
    }

    private static EngineSpec Spec(int engine) => Engines.Spec(engine, () => new FlipStrategy(100));

    private static List<PipelineEvent> Materialize(int[] engines, ScriptStep[] steps, out List<SlotRecord> records) =>
        Materialize(engines, steps, out records, out _);

    private static List<PipelineEvent> Materialize(int[] engines, ScriptStep[] steps, out List<SlotRecord> records, out TradingPipeline pipeline)
    {
        var recorder = new DecisionRecorder();
        var approved = new ApprovedLog();
        pipeline = Engines.Polled([.. engines.Select(Spec)], approved, recorder);
        List<PipelineEvent> stream = EventScript.Run(pipeline, approved, engines, steps);
        records = recorder.Records;
        return stream;
    }

    private static List<SlotRecord> RunThreaded(int[] engines, List<PipelineEvent> stream, PipelineTopology topology)
    {
        var recorder = new DecisionRecorder();
        var pipeline = TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [.. engines.Select(Spec)],
            Topology = topology,
            RingSize = 256,
            Downstream = [recorder],
        });
        pipeline.Start();
        EventScript.Replay(pipeline, stream);
        pipeline.DrainAndStop(s_drain);
        Assert.Null(pipeline.Fault);
        return recorder.Records;
    }

    private static IEnumerable<SlotRecord> Comparable(List<SlotRecord> records) => records.Select(r => r with { DecisionList = [] });

    /// <summary>What an engine decided about one of its events, without the ring sequence (which the other engine's
    /// events shift, and with it the client order ids).</summary>
    private static string Essence(SlotRecord r) =>
        $"{r.Kind} {r.Refused.Code} {r.Armed} {r.Integrity} {r.IntegrityReason.Code} {r.Targets} {r.StrategyReason.Code} {r.RiskEvent.Action} {r.RiskEvent.Reason.Code} "
        + $"{r.OrderOutcome} {r.OrderReason.Code} {r.PortfolioFill.Status} "
        + string.Join(";", r.DecisionList.Select(d => $"{d.Command.Kind} {d.Command.Side} {d.Command.Quantity} {d.Decision.IsApproved} {d.Decision.Reason.Code}"))
        + $" {r.HaltedNow.Code} {r.EngineHalt.Code}";

    private static ScriptStep[] Interleave(ScriptStep[] mine, ScriptStep[] others, int[] mix)
    {
        var result = new List<ScriptStep>();
        int m = 0;
        int o = 0;
        foreach (int pick in mix)
        {
            if ((pick == 0 && m < mine.Length) || o == others.Length)
            {
                result.Add(mine[m++]);
            }
            else
            {
                result.Add(others[o++]);
            }
        }

        return [.. result];
    }
}
