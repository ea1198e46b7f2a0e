using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Tests.Venue;

/// <summary>Bars on real NYSE sessions, orders and prices from decimal text, and report draining, for the venue's
/// tests.</summary>
internal static class VenueTestKit
{
    /// <summary>Monday 2024-03-04; the week's sessions follow it day by day.</summary>
    public static readonly DateOnly Monday = new(2024, 3, 4);

    public static NyseCalendar Calendar => NyseCalendar.Default;

    public static Price Px(string text)
    {
        Assert.Equal(NumericError.None, DecimalText.TryParseMicros(text, out long micros, out bool rounded));
        Assert.False(rounded);
        return new Price(micros);
    }

    public static DateOnly Day(int tradingDaysAfterMonday)
    {
        DateOnly date = Monday;
        for (int i = 0; i < tradingDaysAfterMonday; i++)
        {
            date = Calendar.NextTradingDay(date);
        }

        return date;
    }

    /// <summary>The daily bar of the session <paramref name="day"/> trading days after <see cref="Monday"/>.</summary>
    public static Bar Daily(int day, string open, string high, string low, string close, long volume = 1_000_000)
    {
        DateOnly date = Day(day);
        return MakeBar(Calendar.SessionOpenNs(date), Calendar.SessionCloseNs(date), Timeframe.Daily, open, high, low, close, volume);
    }

    /// <summary>The one-minute bar starting <paramref name="minute"/> minutes after the open of session <paramref name="day"/>.</summary>
    public static Bar Minute(int day, int minute, string open, string high, string low, string close, long volume = 1_000_000)
    {
        long start = Calendar.SessionOpenNs(Day(day)) + (minute * 60_000_000_000L);
        return MakeBar(start, start + 60_000_000_000L, Timeframe.OneMinute, open, high, low, close, volume);
    }

    public static Bar MakeBar(long startNs, long endNs, Timeframe timeframe, string open, string high, string low, string close, long volume) => new()
    {
        Symbol = new SymbolId(1),
        Timeframe = timeframe,
        StartNs = startNs,
        EndNs = endNs,
        Open = Px(open),
        High = Px(high),
        Low = Px(low),
        Close = Px(close),
        Volume = volume,
        IsComplete = true,
    };

    public static ClientOrderId Id(long sequence) => new(1, 1, sequence, 0);

    public static VenueOrder Market(long sequence, Side side, long quantity, long decisionNs, TimeInForce timeInForce = TimeInForce.GoodTillCanceled, int symbol = 0, long ocoGroup = 0) =>
        new(Id(sequence), sequence, symbol, side, OrderType.Market, timeInForce, quantity, default, default, decisionNs, ocoGroup);

    public static VenueOrder Limit(long sequence, Side side, long quantity, string limit, long decisionNs, TimeInForce timeInForce = TimeInForce.GoodTillCanceled, int symbol = 0, long ocoGroup = 0) =>
        new(Id(sequence), sequence, symbol, side, OrderType.Limit, timeInForce, quantity, Px(limit), default, decisionNs, ocoGroup);

    public static VenueOrder Stop(long sequence, Side side, long quantity, string stop, long decisionNs, TimeInForce timeInForce = TimeInForce.GoodTillCanceled, int symbol = 0, long ocoGroup = 0) =>
        new(Id(sequence), sequence, symbol, side, OrderType.Stop, timeInForce, quantity, default, Px(stop), decisionNs, ocoGroup);

    public static VenueOrder StopLimit(long sequence, Side side, long quantity, string stop, string limit, long decisionNs, TimeInForce timeInForce = TimeInForce.GoodTillCanceled, int symbol = 0) =>
        new(Id(sequence), sequence, symbol, side, OrderType.StopLimit, timeInForce, quantity, Px(limit), Px(stop), decisionNs, 0);

    /// <summary>Everything without cost, so a test sees the rule's bare price.</summary>
    public static SimulatedVenue Frictionless(int symbols = 1, int orders = 16) => new(VenueOptions.Frictionless, symbols, orders);

    public static List<VenueReport> Drain(SimulatedVenue venue)
    {
        var reports = new List<VenueReport>();
        while (venue.TryDequeue(out VenueReport report))
        {
            reports.Add(report);
        }

        return reports;
    }

    public static List<VenueReport> Fills(List<VenueReport> reports) => reports.FindAll(r => r.Kind == VenueReportKind.Fill);

    /// <summary>Feeds a bar and returns what the venue reported on it.</summary>
    public static List<VenueReport> Feed(SimulatedVenue venue, in Bar bar, int symbol = 0)
    {
        venue.OnBar(in bar, symbol);
        return Drain(venue);
    }

    /// <summary>Submits and returns what the venue reported (the ack, and a fill at once when same-bar close applies).</summary>
    public static List<VenueReport> Send(SimulatedVenue venue, in VenueOrder order)
    {
        venue.Submit(in order);
        return Drain(venue);
    }
}
