using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>The guard runs on the hot path: judging bars, copies and timers allocates nothing.</summary>
public sealed class ZeroAllocationTests
{
    [Fact]
    public void Judging_a_million_minute_bars_with_copies_and_timers_allocates_nothing()
    {
        NyseCalendar calendar = NyseCalendar.Default;
        var guard = new IntegrityGuard(calendar, new IntegrityOptions { FeedCount = 2 });
        var day = new DateOnly(2010, 1, 4);
        long next = calendar.SessionOpenNs(day);
        Run(guard, calendar, ref day, ref next, 20_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int accepted = Run(guard, calendar, ref day, ref next, 1_000_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_000_000, accepted);
        Assert.True(guard.IsArmed);
    }

    /// <summary>Feeds consecutive minute bars, session by session, from the bar starting at <paramref name="next"/>
    /// on <paramref name="day"/> (both left at the bar after the last one fed); every 10th bar is followed by the
    /// second feed's identical copy, every 30th by a timer. Returns the bars accepted as new.</summary>
    private static int Run(IntegrityGuard guard, NyseCalendar calendar, ref DateOnly day, ref long next, int bars)
    {
        int accepted = 0;
        int sent = 0;
        while (sent < bars)
        {
            long close = calendar.SessionCloseNs(day);
            for (; next < close && sent < bars; next += EventTime.NanosPerMinute, sent++)
            {
                long price = 100_000_000 + ((sent * 7919L) % 1_000_000);
                var bar = new Bar
                {
                    Symbol = new SymbolId(1),
                    Timeframe = Timeframe.OneMinute,
                    StartNs = next,
                    EndNs = next + EventTime.NanosPerMinute,
                    Open = new Price(price),
                    High = new Price(price + 10_000),
                    Low = new Price(price - 10_000),
                    Close = new Price(price),
                    Volume = sent,
                    IsComplete = true,
                };
                if (guard.OnBar(in bar, bar.EndNs).IsNewBar)
                {
                    accepted++;
                }

                if (sent % 10 == 0)
                {
                    bar.FeedId = 1;
                    guard.OnBar(in bar, bar.EndNs);
                }

                if (sent % 30 == 0)
                {
                    guard.OnTimer(bar.EndNs);
                }
            }

            if (next >= close)
            {
                day = calendar.NextTradingDay(day);
                next = calendar.SessionOpenNs(day);
            }
        }

        return accepted;
    }
}
