using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Journal.Dispatch;
using MiniQuantDesk.Journal.Tests.Support;

namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>Laws of the dispatcher over random broker answers, against the real database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DispatcherPropertyTests(PostgresCluster cluster)
{
    private enum Answer
    {
        Accept,
        TakeWithoutAck,
        Reject,
        Unknown,
    }

    [Fact]
    public async Task Every_row_ends_in_the_state_its_broker_answer_maps_to_and_nothing_after_an_unknown_answer_is_sent()
    {
        OutboxTable outbox = await DispatchDatabase.CreateAsync(cluster, "dispatch_property");
        int engine = 100;
        Arbitrary<Answer[]> answers = Gen.Elements(Enum.GetValues<Answer>()).NonEmptyListOf().Select(list => list.Take(8).ToArray()).ToArbitrary();

        Property property = Prop.ForAll(answers, script =>
        {
            // Each case is its own engine: rows a quarantined engine leaves PENDING are never claimed by later cases.
            string engineId = (++engine).ToString(CultureInfo.InvariantCulture);
            IReadOnlyList<string> ids = outbox.InsertPendingAsync(script.Length, engineId).GetAwaiter().GetResult();
            var broker = new InProcessBroker();
            for (int i = 0; i < script.Length; i++)
            {
                Answer answer = script[i];
                string id = ids[i];
                broker.Answer(id, _ => answer switch
                {
                    Answer.Accept => SubmitOutcome.Accepted("B-" + id),
                    Answer.TakeWithoutAck => SubmitOutcome.Submitted(),
                    Answer.Reject => SubmitOutcome.Rejected("no"),
                    _ => SubmitOutcome.Unknown("timeout"),
                });
            }

            using (var dispatcher = new DisposingDispatcher(OutboxDispatcherTests.Dispatcher(outbox, broker, new ManualClock())))
            {
                dispatcher.Value.DispatchOnceAsync().GetAwaiter().GetResult();
            }

            int firstUnknown = Array.IndexOf(script, Answer.Unknown);
            for (int i = 0; i < script.Length; i++)
            {
                bool held = firstUnknown >= 0 && i > firstUnknown;
                string expected = held ? "PENDING" : script[i] switch
                {
                    Answer.Accept => "ACKED",
                    Answer.TakeWithoutAck => "SENT",
                    Answer.Reject => "FAILED",
                    _ => "AMBIGUOUS",
                };
                OutboxRow row = outbox.RowAsync(ids[i]).GetAwaiter().GetResult();
                if (row.State != expected || broker.SubmitsOf(ids[i]) != (held ? 0 : 1) || row.Attempts != (held ? 0 : 1))
                {
                    return false;
                }
            }

            bool disarmed = outbox.ArmStateAsync(engineId).GetAwaiter().GetResult() is { Armed: false };
            return disarmed == (firstUnknown >= 0);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
    }

    /// <summary>Lets a synchronous property body dispose the asynchronous dispatcher.</summary>
    private sealed class DisposingDispatcher(OutboxDispatcher value) : IDisposable
    {
        public OutboxDispatcher Value => value;

        public void Dispose() => value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
