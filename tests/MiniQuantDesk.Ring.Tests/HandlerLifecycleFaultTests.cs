using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Processing;
using MiniQuantDesk.Ring.Tests.Support;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

/// <summary>
/// A handler may also fail outside an event, in <c>OnStart</c> (it cannot open what it needs) or <c>OnShutdown</c>
/// (it cannot flush): that faults the pipeline just as an event failure does.
/// </summary>
public sealed class HandlerLifecycleFaultTests
{
    [Fact]
    public void A_handler_that_throws_in_OnStart_makes_Start_fail_before_any_event()
    {
        var pipeline = new RingPipeline<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        var broken = new FailingLifecycleHandler(failOnStart: true);
        pipeline.HandleEventsWith(broken);

        var refused = Assert.Throws<PipelineFaultedException>(pipeline.Start);

        Assert.Same(broken.Failure, refused.Fault.Exception);
        Assert.Equal(PipelineState.Faulted, pipeline.State);
        Assert.Equal(0, pipeline.Fault!.Sequence);
        Assert.Same(broken.Failure, pipeline.Fault.Exception);
        Assert.Throws<RingHaltedException>(() => pipeline.RingBuffer.Next());
    }

    [Fact]
    public void A_handler_that_throws_in_OnShutdown_makes_DrainAndStop_report_the_fault()
    {
        var pipeline = new RingPipeline<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        var broken = new FailingLifecycleHandler(failOnStart: false);
        pipeline.HandleEventsWith(broken);
        pipeline.Start();
        Publisher.Publish(pipeline.RingBuffer, producerId: 0, count: 3);

        var faulted = Assert.Throws<PipelineFaultedException>(() => pipeline.DrainAndStop(Timeouts.Generous));

        Assert.Same(broken.Failure, faulted.Fault.Exception);
        Assert.Equal(3, faulted.Fault.Sequence);
        Assert.Equal(PipelineState.Faulted, pipeline.State);
    }

    private sealed class FailingLifecycleHandler(bool failOnStart) : IValueEventHandler<TestEvent>
    {
        public InvalidOperationException Failure { get; } = new("could not open the journal");

        public void OnStart()
        {
            if (failOnStart)
            {
                throw Failure;
            }
        }

        public void OnShutdown()
        {
            if (!failOnStart)
            {
                throw Failure;
            }
        }

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
        }
    }
}
