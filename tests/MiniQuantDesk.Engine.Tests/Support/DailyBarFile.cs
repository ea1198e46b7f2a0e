using System.Globalization;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Engine.Tests.Support;

/// <summary>Reads a daily bar file of the shared reference data (header <c>timestamp,open,high,low,close,volume</c>,
/// date-only timestamps) into bars, with a deliberately simple reader: the tests check the engine, not a parser.
/// A daily bar is stamped 09:30 to 16:00 New York, taken as UTC−5 here (tests need order, not the exact hour).</summary>
internal static class DailyBarFile
{
    public static (DateOnly Date, Bar Bar)[] Read(string path, SymbolId symbol)
    {
        var bars = new List<(DateOnly, Bar)>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] fields = line.Split(',');
            DateOnly date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            long midnight = EventTime.FromDateTimeOffset(new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero));
            bars.Add((date, new Bar
            {
                Symbol = symbol,
                Timeframe = Timeframe.Daily,
                StartNs = midnight + (14 * EventTime.NanosPerHour) + (30 * EventTime.NanosPerMinute),
                EndNs = midnight + (21 * EventTime.NanosPerHour),
                Open = ParsePrice(fields[1]),
                High = ParsePrice(fields[2]),
                Low = ParsePrice(fields[3]),
                Close = ParsePrice(fields[4]),
                Volume = long.Parse(fields[5], CultureInfo.InvariantCulture),
                IsComplete = true,
            }));
        }

        return [.. bars];
    }

    private static Price ParsePrice(string text) =>
        Price.TryParse(text, out Price price, out _) == NumericError.None ? price : throw new FormatException($"bad price '{text}'");
}
