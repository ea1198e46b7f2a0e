using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Market;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>Sound bars on real sessions, at New York wall-clock times, for scenarios to spoil one field at a time
/// (unlike <see cref="Support.TestBars"/>, which ignores sessions).</summary>
internal static class SessionBars
{
    public static readonly SymbolId Msft = new(1);

    /// <summary>A complete one-minute bar starting at the given New York minute; prices 100 ± 1.</summary>
    public static Bar Minute(int year, int month, int day, int hour, int minute, int feed = 0)
    {
        long start = NewYork.At(year, month, day, hour, minute);
        return Sound(Timeframe.OneMinute, start, start + EventTime.NanosPerMinute, feed);
    }

    /// <summary>A complete daily bar of a trading day, stamped with the session's open and close.</summary>
    public static Bar Daily(DateOnly date, int feed = 0) =>
        Sound(Timeframe.Daily, NyseCalendar.Default.SessionOpenNs(date), NyseCalendar.Default.SessionCloseNs(date), feed);

    private static Bar Sound(Timeframe timeframe, long start, long end, int feed) => new()
    {
        Symbol = Msft,
        Timeframe = timeframe,
        FeedId = feed,
        StartNs = start,
        EndNs = end,
        Open = new Price(100_000_000),
        High = new Price(101_000_000),
        Low = new Price(99_000_000),
        Close = new Price(100_500_000),
        Volume = 1_000,
        IsComplete = true,
    };
}
