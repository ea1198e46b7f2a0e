using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Processing;
using MiniQuantDesk.Ring.WaitStrategies;

namespace MiniQuantDesk.Ring.Tests;

public sealed class SmokeTests
{
    private struct Ev { public long Value; }

    private sealed class Summer : IValueEventHandler<Ev>
    {
        public long Sum;
        public long Count;
        public void OnEvent(ref Ev data, long sequence, bool endOfBatch) { Sum += data.Value; Count++; }
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Pipeline_of_three_stages_handles_everything(ProducerType type)
    {
        var p = new RingPipeline<Ev>(64, type, new YieldingWaitStrategy());
        var a = new Summer(); var b = new Summer(); var c = new Summer();
        p.HandleEventsWith(a, b).Then(c);
        p.Start();
        for (int i = 0; i < 100_000; i++)
        {
            long s = p.RingBuffer.Next();
            p.RingBuffer[s].Value = i;
            p.RingBuffer.Publish(s);
        }
        p.DrainAndStop(TimeSpan.FromSeconds(10));
        long expected = 100_000L * 99_999 / 2;
        Assert.Equal(expected, a.Sum);
        Assert.Equal(expected, b.Sum);
        Assert.Equal(expected, c.Sum);
    }
}
