using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Ring.Tests.Support;

namespace MiniQuantDesk.Ring.Tests.Properties;

/// <summary>
/// The ring's delivery laws, over random ring sizes (1 to 1024), producers (1 to 4, single- or multi-producer),
/// claim sizes and handler graphs (chains, parallel groups, diamonds). Each law is checked by every handler, on
/// its own thread, as it sees each event (see <see cref="RecordingHandler"/>).
/// </summary>
public sealed class PipelineDeliveryProperties
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(20);

    [Fact]
    public void Every_consumer_sees_every_published_event_exactly_once_in_sequence_order()
    {
        Check.One(s_config, Prop.ForAll(ScenarioRun.Scenarios, scenario =>
        {
            foreach (RecordingHandler handler in ScenarioRun.Run(scenario))
            {
                Assert.True(handler.OrderViolations.Count == 0, handler.OrderViolations.ToString());
                Assert.Equal(scenario.TotalEvents, handler.HandledCount);
            }
        }));
    }

    [Fact]
    public void Every_consumer_sees_each_producers_events_intact_and_in_that_producers_order()
    {
        Check.One(s_config, Prop.ForAll(ScenarioRun.Scenarios, scenario =>
        {
            foreach (RecordingHandler handler in ScenarioRun.Run(scenario))
            {
                Assert.True(handler.PayloadViolations.Count == 0, handler.PayloadViolations.ToString());
                for (int producer = 0; producer < scenario.Producers; producer++)
                {
                    Assert.Equal(scenario.EventsPerProducer, handler.EventsSeenFrom(producer));
                }
            }
        }));
    }

    [Fact]
    public void No_consumer_ever_passes_a_consumer_it_follows()
    {
        Check.One(s_config, Prop.ForAll(ScenarioRun.Scenarios, scenario =>
        {
            foreach (RecordingHandler handler in ScenarioRun.Run(scenario))
            {
                Assert.True(handler.UpstreamViolations.Count == 0, handler.UpstreamViolations.ToString());
            }
        }));
    }

    [Fact]
    public void No_producer_ever_overwrites_a_slot_a_consumer_is_reading()
    {
        Check.One(s_config, Prop.ForAll(ScenarioRun.Scenarios, scenario =>
        {
            foreach (RecordingHandler handler in ScenarioRun.Run(scenario))
            {
                Assert.True(handler.OverwriteViolations.Count == 0, handler.OverwriteViolations.ToString());
            }
        }));
    }

    [Fact]
    public void Every_batch_announced_by_OnBatchStart_ends_with_endOfBatch_on_its_last_event()
    {
        Check.One(s_config, Prop.ForAll(ScenarioRun.Scenarios, scenario =>
        {
            foreach (RecordingHandler handler in ScenarioRun.Run(scenario))
            {
                Assert.True(handler.BatchViolations.Count == 0, handler.BatchViolations.ToString());
                Assert.Equal(scenario.TotalEvents, handler.BatchSizes.Sum());
            }
        }));
    }
}
