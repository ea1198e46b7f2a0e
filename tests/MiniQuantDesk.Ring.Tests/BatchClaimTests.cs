using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// Producers may claim and publish several slots at once (<c>Next(n)</c>, <c>Publish(low, high)</c>);
/// consumers handle what is available as one batch, framed by <c>OnBatchStart</c> and <c>endOfBatch</c>.
/// </summary>
public sealed class BatchClaimTests
{
    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void A_batch_claim_returns_the_highest_of_n_consecutive_sequences(ProducerType producerType)
    {
        var ring = new ValueRingBuffer<TestEvent>(16, producerType, new YieldingWaitStrategy());

        long first = ring.Next(3);
        long second = ring.Next(5);
        long single = ring.Next();

        Assert.Equal(2, first);
        Assert.Equal(7, second);
        Assert.Equal(8, single);
    }

    [Fact]
    public void A_batch_published_at_once_reaches_the_consumer_as_one_batch_ending_with_endOfBatch()
    {
        var pipeline = new RingPipeline<TestEvent>(16, ProducerType.Single, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        Sequence consumed = pipeline.Processors[0].Sequence;
        try
        {
            pipeline.Start();

            // Each batch is published with one Publish(low, high) while the consumer waits for its first
            // sequence, so the consumer sees exactly that batch.
            long counter = 0;
            foreach (int size in new[] { 5, 3, 1, 16 })
            {
                long high = pipeline.RingBuffer.Next(size);
                for (long sequence = high - size + 1; sequence <= high; sequence++)
                {
                    pipeline.RingBuffer[sequence].Write(0, counter++);
                }

                pipeline.RingBuffer.Publish(high - size + 1, high);
                Timeouts.WaitUntil(() => consumed.Value == high, $"the consumer handled the batch ending at {high}");
            }

            pipeline.DrainAndStop(Timeouts.Generous);

            Assert.Equal([5L, 3, 1, 16], consumer.BatchSizes);
            Assert.Equal([4L, 7, 8, 24], consumer.EndOfBatchSequences);
            Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), consumer.Sequences);
        }
        finally
        {
            pipeline.Halt("test cleanup");
        }
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Events_that_pile_up_while_a_consumer_is_busy_arrive_as_one_batch(ProducerType producerType)
    {
        var pipeline = new RingPipeline<TestEvent>(16, producerType, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        consumer.HoldAt(0);
        pipeline.HandleEventsWith(consumer);
        try
        {
            pipeline.Start();
            Publisher.Publish(pipeline.RingBuffer, producerId: 0, count: 1);
            Timeouts.WaitFor(consumer.ReachedHold, "the consumer to start on sequence 0");

            Publisher.Publish(pipeline.RingBuffer, producerId: 0, count: 9, firstCounter: 1);
            consumer.Release();
            pipeline.DrainAndStop(Timeouts.Generous);

            Assert.Equal([1L, 9], consumer.BatchSizes);
            Assert.Equal([0L, 9], consumer.EndOfBatchSequences);
        }
        finally
        {
            consumer.Release();
            pipeline.Halt("test cleanup");
        }
    }

    [Theory]
    [InlineData(ProducerType.Single, 1)]
    [InlineData(ProducerType.Single, 7)]
    [InlineData(ProducerType.Single, 64)]
    [InlineData(ProducerType.Multi, 1)]
    [InlineData(ProducerType.Multi, 7)]
    [InlineData(ProducerType.Multi, 64)]
    public void Every_batch_a_consumer_is_given_ends_with_endOfBatch_on_its_last_event(ProducerType producerType, int batchSize)
    {
        const int Events = 5_000;
        var pipeline = new RingPipeline<TestEvent>(64, producerType, new YieldingWaitStrategy());
        using var consumer = new RecordingHandler(pipeline.RingBuffer.Sequencer);
        pipeline.HandleEventsWith(consumer);
        try
        {
            pipeline.Start();

            Publisher.Publish(pipeline.RingBuffer, producerId: 0, Events, batchSize);
            pipeline.DrainAndStop(Timeouts.Generous);

            Assert.True(consumer.BatchViolations.Count == 0, consumer.BatchViolations.ToString());
            Assert.Equal(Events, consumer.BatchSizes.Sum());
            Assert.Equal(consumer.BatchSizes.Count, consumer.EndOfBatchSequences.Count);
            Assert.Equal(Events - 1, consumer.EndOfBatchSequences[^1]);
        }
        finally
        {
            pipeline.Halt("test cleanup");
        }
    }
}
