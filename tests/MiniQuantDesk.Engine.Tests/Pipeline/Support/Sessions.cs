using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>Daily bars on consecutive NYSE sessions from 2020-01-02, for pipeline scenarios.</summary>
internal static class Sessions
{
    public static readonly DateOnly First = new(2020, 1, 2);

    /// <summary>The trading day <paramref name="index"/> sessions after <see cref="First"/>.</summary>
    public static DateOnly Day(int index)
    {
        DateOnly day = First;
        for (int i = 0; i < index; i++)
        {
            day = NyseCalendar.Default.NextTradingDay(day);
        }

        return day;
    }

    /// <summary>A complete daily bar of <paramref name="symbol"/> on <paramref name="day"/> with every price
    /// near <paramref name="closeMicros"/> (open = close, high/low ± 1%).</summary>
    public static Bar Daily(SymbolId symbol, DateOnly day, long closeMicros) => new()
    {
        Symbol = symbol,
        Timeframe = Timeframe.Daily,
        StartNs = NyseCalendar.Default.SessionOpenNs(day),
        EndNs = NyseCalendar.Default.SessionCloseNs(day),
        Open = new Price(closeMicros),
        High = new Price(closeMicros + (closeMicros / 100)),
        Low = new Price(closeMicros - (closeMicros / 100)),
        Close = new Price(closeMicros),
        Volume = 1_000_000,
        IsComplete = true,
    };
}
