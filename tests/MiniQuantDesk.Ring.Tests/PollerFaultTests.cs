using MiniQuantDesk.Ring.Processing;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// Fail closed on the polled driver: a handler that throws in the middle of a batch releases none of that batch, so
/// a handler gated on it (a dispatcher after a journal that commits at the end of each batch) never takes an
/// uncommitted event as done.
/// </summary>
public sealed class PollerFaultTests
{
    [Fact]
    public void A_fault_in_the_middle_of_a_batch_releases_none_of_that_batch()
    {
        ValueRingBuffer<TestEvent> ring = ValueRingBuffer<TestEvent>.CreateSingleProducer(16, new BusySpinWaitStrategy());
        var handler = new FailingHandler(failAt: 5);
        var poller = new ValueEventPoller<TestEvent>(ring, handler, "journal");
        Publish(ring, 3);
        Assert.Equal(3, poller.Poll());
        Publish(ring, 5);

        HandlerFaultException fault = Assert.Throws<HandlerFaultException>(() => poller.Poll());

        Assert.Equal(5, fault.Fault.Sequence);
        Assert.Equal([0L, 1, 2, 3, 4], handler.Seen);
        Assert.Equal(2, poller.Sequence.Value);
        Assert.True(ring.IsHalted);
    }

    private static void Publish(ValueRingBuffer<TestEvent> ring, int count)
    {
        for (int i = 0; i < count; i++)
        {
            long sequence = ring.Next();
            ring[sequence].Counter = sequence;
            ring.Publish(sequence);
        }
    }

    private sealed class FailingHandler(long failAt) : IValueEventHandler<TestEvent>
    {
        public List<long> Seen { get; } = [];

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (sequence == failAt)
            {
                throw new InvalidOperationException("the journal's database went away");
            }

            Seen.Add(sequence);
        }
    }
}
