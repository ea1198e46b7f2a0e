using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>
/// A running pipeline whose only consumer is held at sequence 0 (inside its handler, until released), with
/// some events already published: by default enough to fill the ring, so that the next claim has to wait.
/// Disposing releases the consumer and halts the pipeline.
/// </summary>
internal sealed class HeldRing : IDisposable
{
    private readonly RingPipeline<TestEvent> _pipeline;

    public HeldRing(ProducerType producerType, int size, int? published = null)
    {
        _pipeline = new RingPipeline<TestEvent>(size, producerType, new YieldingWaitStrategy());
        Consumer = new RecordingHandler(_pipeline.RingBuffer.Sequencer);
        Consumer.HoldAt(0);
        _pipeline.HandleEventsWith(Consumer);
        _pipeline.Start();
        Publisher.Publish(Ring, producerId: 0, published ?? size);
        Timeouts.WaitFor(Consumer.ReachedHold, "the consumer to reach sequence 0");
    }

    public ValueRingBuffer<TestEvent> Ring => _pipeline.RingBuffer;

    public RecordingHandler Consumer { get; }

    /// <summary>The held consumer's sequence: the highest sequence it has completely handled.</summary>
    public Sequence ConsumerSequence => _pipeline.Processors[0].Sequence;

    public void Dispose()
    {
        Consumer.Release();
        _pipeline.Halt("test cleanup");
        Consumer.Dispose();
    }
}
