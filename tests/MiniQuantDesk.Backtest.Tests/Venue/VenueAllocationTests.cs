using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class VenueAllocationTests
{
    private const int Symbols = 3;

    [Fact]
    public void Submit_cancel_replace_on_bar_and_dequeue_allocate_nothing_once_warmed_up()
    {
        NyseCalendar calendar = NyseCalendar.Default;
        Bar[] bars = MakeBars(calendar, new DateOnly(2024, 1, 2), 120);
        var venue = new SimulatedVenue(VenueOptions.Conservative with { LatencyBars = 1 }, Symbols, 256);
        long sequence = 0;

        RunDays(venue, bars, 0, 60, ref sequence);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunDays(venue, bars, 60, 120, ref sequence);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(venue.Statistics.Fills > 100, "the loop must actually fill orders");
        Assert.True(venue.Statistics.Canceled > 10 && venue.Statistics.Replaced > 10 && venue.Statistics.Expired > 10);
        Assert.Equal(0, venue.Statistics.Rejected);
    }

    private static void RunDays(SimulatedVenue venue, Bar[] bars, int fromDay, int toDay, ref long sequence)
    {
        for (int day = fromDay; day < toDay; day++)
        {
            for (int symbol = 0; symbol < Symbols; symbol++)
            {
                ref readonly Bar bar = ref bars[(day * Symbols) + symbol];
                venue.OnBar(in bar, symbol);
                DrainAll(venue);
                long close = bar.Close.Micros;
                var market = new VenueOrder(Next(ref sequence), sequence, symbol, Side.Buy, OrderType.Market, TimeInForce.Day, 100, default, default, bar.EndNs, 0);
                var target = new VenueOrder(Next(ref sequence), sequence, symbol, Side.Sell, OrderType.Limit, TimeInForce.GoodTillCanceled, 100, new Price(close + 500_000), default, bar.EndNs, sequence);
                var stop = new VenueOrder(Next(ref sequence), sequence, symbol, Side.Sell, OrderType.Stop, TimeInForce.GoodTillCanceled, 100, default, new Price(close - 500_000), bar.EndNs, sequence - 1);
                var dayLimit = new VenueOrder(Next(ref sequence), sequence, symbol, Side.Buy, OrderType.Limit, TimeInForce.Day, 100, new Price(close - 3_000_000), default, bar.EndNs, 0);
                var canceled = new VenueOrder(Next(ref sequence), sequence, symbol, Side.Buy, OrderType.StopLimit, TimeInForce.GoodTillCanceled, 100, new Price(close + 1_000_000), new Price(close + 900_000), bar.EndNs, 0);
                venue.Submit(in market);
                venue.Submit(in target);
                venue.Submit(in stop);
                venue.Submit(in dayLimit);
                venue.Submit(in canceled);
                venue.Replace(dayLimit.ClientOrderId, 150, new Price(close - 2_000_000), bar.EndNs);
                venue.Cancel(canceled.ClientOrderId, bar.EndNs);
                DrainAll(venue);
            }
        }
    }

    private static ClientOrderId Next(ref long sequence) => new(1, 1, ++sequence, 0);

    private static void DrainAll(SimulatedVenue venue)
    {
        while (venue.TryDequeue(out _))
        {
        }
    }

    private static Bar[] MakeBars(NyseCalendar calendar, DateOnly first, int days)
    {
        var bars = new Bar[days * Symbols];
        DateOnly date = first;
        long price = 100_000_000;
        for (int day = 0; day < days; day++, date = calendar.NextTradingDay(date))
        {
            // A zig-zag that makes stops and targets trade.
            long swing = (day % 2 == 0 ? 1 : -1) * 1_000_000;
            for (int symbol = 0; symbol < Symbols; symbol++)
            {
                long open = price + (symbol * 10_000_000);
                long close = open + swing;
                bars[(day * Symbols) + symbol] = new Bar
                {
                    Symbol = new SymbolId(symbol + 1),
                    Timeframe = Timeframe.Daily,
                    StartNs = calendar.SessionOpenNs(date),
                    EndNs = calendar.SessionCloseNs(date),
                    Open = new Price(open),
                    High = new Price(Math.Max(open, close) + 700_000),
                    Low = new Price(Math.Min(open, close) - 700_000),
                    Close = new Price(close),
                    Volume = day % 7 == 0 ? 0 : 10_000,
                    IsComplete = true,
                };
            }
        }

        return bars;
    }
}
