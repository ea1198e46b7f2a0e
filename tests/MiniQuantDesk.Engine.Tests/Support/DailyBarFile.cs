using System.Globalization;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Market;

namespace MiniQuantDesk.Engine.Tests.Support;

/// <summary>
/// Reads a daily bar file of the shared reference data (header <c>timestamp,open,high,low,close,volume</c>,
/// date-only timestamps) with deliberately simple code: the tests check the engine, not a parser. A date-only bar
/// covers its session: it opens at 09:30 and closes at 16:00 New York (13:00 on an early close), so it may be used
/// from its close on.
/// </summary>
internal static class DailyBarFile
{
    public static (DateOnly Date, Bar Bar)[] Read(string path, SymbolId symbol)
    {
        var rows = new List<(DateOnly, Bar)>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] fields = line.Split(',');
            DateOnly date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            long close = NyseCalendar.Default.TryGetSession(date, out _, out long sessionClose) ? sessionClose : NewYork.At(date, 16, 0);
            rows.Add((date, new Bar
            {
                Symbol = symbol,
                Timeframe = Timeframe.Daily,
                StartNs = NewYork.At(date, 9, 30),
                EndNs = close,
                Open = ParsePrice(fields[1]),
                High = ParsePrice(fields[2]),
                Low = ParsePrice(fields[3]),
                Close = ParsePrice(fields[4]),
                Volume = long.Parse(fields[5], CultureInfo.InvariantCulture),
                IsComplete = true,
            }));
        }

        return [.. rows];
    }

    private static Price ParsePrice(string text) =>
        Price.TryParse(text, out Price price, out _) == NumericError.None ? price : throw new FormatException($"bad price '{text}'");
}
