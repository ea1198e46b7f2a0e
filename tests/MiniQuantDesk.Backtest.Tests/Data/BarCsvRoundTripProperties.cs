using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>Any valid bar list written as CSV reads back to the same bars.</summary>
public sealed class BarCsvRoundTripProperties : IDisposable
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(150);
    private static readonly NyseCalendar s_calendar = NyseCalendar.Default;
    private static readonly int s_firstOrdinal = s_calendar.TradingDayOrdinal(new DateOnly(1990, 1, 2));
    private static readonly int s_lastOrdinal = s_calendar.TradingDayOrdinal(new DateOnly(2030, 12, 31));
    private readonly TempFolder _folder = new();

    /// <summary>Consistent prices: a low, a range above it, and where open and close sit in the range.</summary>
    private static readonly Gen<(long Open, long High, long Low, long Close, long Volume)> s_prices =
        from lowUnits in Gen.Choose(0, 5_000)
        from lowFraction in Gen.Choose(1, 999_999)
        from range in Gen.Choose(0, 50_000_000)
        from openAt in Gen.Choose(0, 1_000)
        from closeAt in Gen.Choose(0, 1_000)
        from volume in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, int.MaxValue))
        let low = ((long)lowUnits * Micros.PerUnit) + lowFraction
        let high = low + range
        select (low + ((long)range * openAt / 1_000), high, low, low + ((long)range * closeAt / 1_000), (long)volume * 3);

    private static readonly Arbitrary<(int FirstOrdinal, (int Step, (long, long, long, long, long) Prices)[] Rows)> s_dailyFiles =
        (from first in Gen.Choose(s_firstOrdinal, s_lastOrdinal - 1_000)
         from rows in Gen.NonEmptyListOf(from step in Gen.Choose(1, 3) from prices in s_prices select (step, prices))
         select (first, rows.ToArray())).ToArbitrary();

    private static readonly Arbitrary<(int Minutes, int FirstOrdinal, (int Step, (long, long, long, long, long) Prices)[] Rows)> s_intradayFiles =
        (from minutes in Gen.Elements(1, 2, 5, 15, 30, 60, 390)
         from first in Gen.Choose(s_firstOrdinal, s_lastOrdinal - 1_000)
         from rows in Gen.ListOf(from step in Gen.Choose(1, 40) from prices in s_prices select (step, prices))
         from head in s_prices
         from second in s_prices
         select (minutes, first, new[] { (0, head), (1, second) }.Concat(rows).ToArray())).ToArbitrary();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Any_valid_daily_bar_list_written_as_csv_reads_back_to_the_same_bars()
    {
        Check.One(s_config, Prop.ForAll(s_dailyFiles, file =>
        {
            var expected = new List<Bar>();
            int ordinal = file.FirstOrdinal;
            foreach ((int step, (long open, long high, long low, long close, long volume)) in file.Rows)
            {
                ordinal += step;
                DateOnly date = s_calendar.TradingDayAt(ordinal);
                expected.Add(MakeBar(Timeframe.Daily, s_calendar.SessionOpenNs(date), s_calendar.SessionCloseNs(date), open, high, low, close, volume));
            }

            Assert.Equal(expected, WriteAndRead(expected, Timeframe.Daily));
        }));
    }

    [Fact]
    public void Any_valid_intraday_bar_list_written_as_csv_reads_back_to_the_same_bars()
    {
        Check.One(s_config, Prop.ForAll(s_intradayFiles, file =>
        {
            var timeframe = new Timeframe(file.Minutes);
            long barNs = file.Minutes * EventTime.NanosPerMinute;
            var expected = new List<Bar>();
            int ordinal = file.FirstOrdinal;
            long start = 0;
            foreach ((int step, (long open, long high, long low, long close, long volume)) in file.Rows)
            {
                // Step along the bar grid; past a session's close, go on from the next session's open.
                long close_ = expected.Count == 0 ? 0 : s_calendar.SessionCloseNs(s_calendar.TradingDayAt(ordinal));
                start = expected.Count == 0 ? s_calendar.SessionOpenNs(s_calendar.TradingDayAt(ordinal)) : start + (step * barNs);
                if (expected.Count > 0 && start >= close_)
                {
                    ordinal++;
                    start = s_calendar.SessionOpenNs(s_calendar.TradingDayAt(ordinal)) + ((step % 3) * barNs);
                }

                long sessionClose = s_calendar.SessionCloseNs(s_calendar.TradingDayAt(ordinal));
                if (start >= sessionClose)
                {
                    continue;
                }

                expected.Add(MakeBar(timeframe, start, Math.Min(start + barNs, sessionClose), open, high, low, close, volume));
            }

            if (!expected.Skip(1).Zip(expected).Any(pair => pair.First.StartNs - pair.Second.StartNs == barNs))
            {
                return; // A 390-minute session of 390-minute bars holds one bar only: the timeframe cannot show.
            }

            Assert.Equal(expected, WriteAndRead(expected, timeframe));
        }));
    }

    private Bar[] WriteAndRead(List<Bar> bars, Timeframe timeframe)
    {
        var text = new StringBuilder("timestamp,open,high,low,close,volume\n");
        foreach (Bar bar in bars)
        {
            string timestamp = timeframe.IsDaily
                ? s_calendar.NewYorkDate(bar.StartNs).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : EventTime.ToDateTimeOffset(bar.StartNs).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{timestamp},{bar.Open},{bar.High},{bar.Low},{bar.Close},{bar.Volume}\n");
        }

        string path = _folder.Write("PROP_x.csv", text.ToString());
        return BarCsvReader.Read(path, new BarCsvOptions { SymbolId = new SymbolId(3) }).Bars;
    }

    private static Bar MakeBar(Timeframe timeframe, long startNs, long endNs, long open, long high, long low, long close, long volume) => new()
    {
        Symbol = new SymbolId(3),
        Timeframe = timeframe,
        FeedId = 0,
        StartNs = startNs,
        EndNs = endNs,
        Open = new Price(open),
        High = new Price(high),
        Low = new Price(low),
        Close = new Price(close),
        Volume = volume,
        IsComplete = true,
    };
}
