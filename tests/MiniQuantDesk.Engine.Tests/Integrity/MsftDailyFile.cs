using System.Globalization;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Market;
using MiniQuantDesk.Engine.Tests.Support;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>
/// Reads the shared MSFT daily file (header <c>timestamp,open,high,low,close,volume</c>, date-only timestamps) with
/// deliberately simple code: the tests check the guard, not a parser. A date-only bar covers its session: it opens
/// at 09:30 and closes at 16:00 New York (13:00 on an early close), so it may be used from its close on.
/// </summary>
internal static class MsftDailyFile
{
    public static (DateOnly Date, Bar Bar)[] Read()
    {
        var rows = new List<(DateOnly, Bar)>();
        foreach (string line in File.ReadLines(SharedData.PathOf("MSFT_1d_adj.csv")).Skip(1))
        {
            string[] fields = line.Split(',');
            DateOnly date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            long close = NyseCalendar.Default.TryGetSession(date, out _, out long sessionClose) ? sessionClose : NewYork.At(date, 16, 0);
            rows.Add((date, new Bar
            {
                Symbol = SessionBars.Msft,
                Timeframe = Timeframe.Daily,
                StartNs = NewYork.At(date, 9, 30),
                EndNs = close,
                Open = Parse(fields[1]),
                High = Parse(fields[2]),
                Low = Parse(fields[3]),
                Close = Parse(fields[4]),
                Volume = long.Parse(fields[5], CultureInfo.InvariantCulture),
                IsComplete = true,
            }));
        }

        return [.. rows];
    }

    private static Price Parse(string text) =>
        Price.TryParse(text, out Price price, out _) == NumericError.None ? price : throw new FormatException($"bad price '{text}'");
}
