using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Tests.Recovery;
using MiniQuantDesk.Journal.Tests.Support;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>Corporate actions change positions and orders but are not journaled yet, so a restore after one would
/// diverge: the journal fails closed on one instead of letting the journal and the engine come apart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CorporateActionJournalTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_corporate_action_fails_the_journal_closed_and_names_why_and_commits_nothing_of_its_batch()
    {
        string database = await cluster.FreshMigratedDatabaseAsync("corporateaction");
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        TradingPipeline pipeline = JournalRig.Pipeline(RecoveryRig.Spec(runNumber, 100), PipelineDriver.Polled, writer);
        JournalRig.Arm(pipeline);
        Bar bar = JournalRig.DailyBar(0, 100 * Micros.PerUnit);
        pipeline.PublishBar(JournalRig.Engine, bar);
        pipeline.Poll();
        Assert.Null(writer.Failure);
        List<string> outboxBefore = JournalRig.Outbox(database, runId);

        var split = CorporateActionEvent.Split(JournalRig.Symbol, new SplitRatio(2, 1), new Price(100 * Micros.PerUnit));
        pipeline.PublishCorporateAction(JournalRig.Engine, bar.EndNs + 60_000_000_000, in split);
        Assert.Throws<Ring.Processing.HandlerFaultException>(() => pipeline.Poll());

        JournalInvariantBreachException breach = Assert.IsType<JournalInvariantBreachException>(writer.Failure);
        Assert.Contains("corporate actions are not yet journaled", breach.Message, StringComparison.Ordinal);
        Assert.Equal(outboxBefore, JournalRig.Outbox(database, runId));
    }
}
