using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Tests.Support;
using MiniQuantDesk.Journal.Writing;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>
/// The law of the journal: whatever the batches and wherever the database goes away, the committed rows are exactly
/// the rows of the events 0..k for some k (a prefix of the sequence), and nothing committed before the loss is lost.
/// The polled driver lets the test choose the batches: every poll is one batch.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DurablePrefixProperties(PostgresCluster cluster)
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(25);

    private static readonly Arbitrary<(int[] Chunks, int StopAfterPoll)> s_runs =
        (from polls in Gen.Choose(6, 16)
         from chunks in Gen.Choose(1, 8).ArrayOf(polls)
         from stop in Gen.Choose(0, polls)
         select (chunks, stop))
        .ToArbitrary();

    [Fact]
    public async Task Durable_state_is_a_prefix_of_the_event_sequence_whatever_the_batches_and_the_stop_point()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        int case_ = 0;

        Check.One(s_config, Prop.ForAll(s_runs, run =>
        {
            string application = $"journal-prefix-{Interlocked.Increment(ref case_)}";
            (Guid runId, long runNumber) = JournalRig.CreateRun(database);
            var expected = new ExpectedRows();
            using JournalWriter writer = JournalRig.Writer(database, runId, runNumber, application);
            using var broker = new AnsweringBroker(writer, database, runNumber);
            TradingPipeline pipeline = JournalRig.Pipeline(runNumber, PipelineDriver.Polled, expected, writer, broker);
            JournalRig.Arm(pipeline);

            long committedAtStop = -1;
            bool faulted = false;
            int bar = 0;
            for (int poll = 0; poll < run.Chunks.Length && !faulted; poll++)
            {
                long timeNs = 0;
                for (int i = 0; i < run.Chunks[poll]; i++, bar++)
                {
                    Bar next = JournalRig.WaveBar(bar);
                    pipeline.PublishBar(JournalRig.Engine, next);
                    timeNs = next.EndNs;
                }

                faulted = !TryPoll(pipeline);
                if (!faulted)
                {
                    broker.AnswerPending(pipeline, timeNs);
                }

                if (poll == run.StopAfterPoll - 1)
                {
                    committedAtStop = writer.CommittedThrough;
                    JournalRig.Terminate(database, application);
                }
            }

            if (!faulted)
            {
                faulted = !TryPoll(pipeline);
            }

            long k = writer.CommittedThrough;
            return k >= committedAtStop
                && (!faulted || writer.Failure is JournalUnavailableException)
                && (run.StopAfterPoll > 0 || !faulted)
                && expected.OutboxThrough(k).SequenceEqual(JournalRig.Outbox(database, runId))
                && expected.InboxThrough(k).SequenceEqual(JournalRig.Inbox(database, runId))
                && JournalRig.Rows(database, "SELECT cursor FROM broker_cursor WHERE run_id = $1", runId)
                    .SequenceEqual(expected.CursorThrough(k) is { } cursor ? [cursor] : []);
        }));
    }

    private static bool TryPoll(TradingPipeline pipeline)
    {
        try
        {
            pipeline.Poll();
            return true;
        }
        catch (HandlerFaultException)
        {
            return false;
        }
    }
}
