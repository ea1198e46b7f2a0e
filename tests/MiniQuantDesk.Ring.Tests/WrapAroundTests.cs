using System.Runtime.CompilerServices;
using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>A ring reuses its slots lap after lap: sequence <c>s</c> lives in slot <c>s mod size</c>.</summary>
public sealed class WrapAroundTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void Sequences_a_whole_number_of_laps_apart_share_one_slot(int ringSize)
    {
        var ring = ValueRingBuffer<TestEvent>.CreateSingleProducer(ringSize, new YieldingWaitStrategy());

        for (long sequence = 0; sequence < ringSize; sequence++)
        {
            foreach (long lap in new long[] { 1, 2, 7, 1_000_003, 3_000_000_000L })
            {
                Assert.True(
                    Unsafe.AreSame(ref ring[sequence], ref ring[sequence + (lap * ringSize)]),
                    $"sequence {sequence} and {sequence + (lap * ringSize)} should share a slot");
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void Neighbouring_sequences_never_share_a_slot_on_any_lap(int ringSize)
    {
        var ring = ValueRingBuffer<TestEvent>.CreateSingleProducer(ringSize, new YieldingWaitStrategy());

        for (long sequence = 0; sequence < 5L * ringSize; sequence++)
        {
            for (long other = sequence + 1; other < sequence + ringSize; other++)
            {
                Assert.False(
                    Unsafe.AreSame(ref ring[sequence], ref ring[other]),
                    $"sequences {sequence} and {other} are less than a lap apart but share a slot");
            }
        }
    }

    [Theory]
    [InlineData(ProducerType.Single, 1)]
    [InlineData(ProducerType.Single, 4)]
    [InlineData(ProducerType.Multi, 1)]
    [InlineData(ProducerType.Multi, 4)]
    public void Events_published_over_hundreds_of_laps_reach_the_consumer_in_order_with_their_own_payload(ProducerType producerType, int ringSize)
    {
        const int Events = 1_000;
        var pipeline = new RingPipeline<TestEvent>(ringSize, producerType, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        try
        {
            pipeline.Start();

            Publisher.Publish(pipeline.RingBuffer, producerId: 0, Events);
            pipeline.DrainAndStop(Timeouts.Generous);

            Assert.Equal(Enumerable.Range(0, Events).Select(i => (long)i), consumer.Sequences);
            Assert.Equal(Enumerable.Range(0, Events).Select(i => (long)i), consumer.Events.Select(e => e.Counter));
            Assert.Equal(0, consumer.PayloadViolations.Count);
        }
        finally
        {
            pipeline.Halt("test cleanup");
        }
    }
}
