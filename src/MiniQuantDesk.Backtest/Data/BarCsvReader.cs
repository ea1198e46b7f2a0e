using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Backtest.Data;

/// <summary>
/// Reads a bar CSV file (<c>timestamp,open,high,low,close,volume</c>) into a <see cref="BarSeries"/>. A timestamp is
/// either a date (a daily bar spanning that NYSE session, open to close) or an ISO-8601 time with offset (an
/// intraday bar's start; the timeframe is the smallest gap between bars of one session). Prices are parsed exactly
/// into micros. Every row is checked; a bad one stops the read with its file, line and reason, or, with
/// <see cref="BarCsvOptions.SkipBadRows"/>, is skipped and listed.
/// </summary>
public static class BarCsvReader
{
    /// <summary>The only header accepted.</summary>
    public const string Header = "timestamp,open,high,low,close,volume";

    private const int FieldCount = 6;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="BarDataException">A bad row (without <see cref="BarCsvOptions.SkipBadRows"/>), a wrong header,
    /// no bars, mixed daily and intraday rows, a timeframe that cannot be inferred, or no usable symbol.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static BarSeries Read(string path, BarCsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string symbol = ResolveSymbol(path, options.Symbol);
        byte[] bytes = File.ReadAllBytes(path);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text = Encoding.UTF8.GetString(bytes);

        var reader = new RowReader(path, options.Calendar ?? NyseCalendar.Default, options.SkipBadRows, text.Length / 48);
        reader.ReadAll(text);
        Timeframe timeframe = reader.IsDaily ? Timeframe.Daily : reader.InferTimeframe();
        Bar[] bars = reader.ToBars(options.SymbolId, timeframe);
        return new BarSeries(symbol, Path.GetFullPath(path), timeframe, bars, reader.Skipped, sha256, reader.RoundedValues);
    }

    private static string ResolveSymbol(string path, string? option)
    {
        if (option is not null)
        {
            return TickerSymbol.IsValid(option)
                ? option
                : throw BarDataException.ForFile(path, 0, $"--symbol '{option}' is not a symbol: use upper-case letters, digits, '.' or '-'");
        }

        string fromName = TickerSymbol.FromFileName(path);
        return TickerSymbol.IsValid(fromName)
            ? fromName
            : throw BarDataException.ForFile(
                path,
                0,
                $"the file name does not start with a symbol ('{fromName}' is not upper-case letters, digits, '.' or '-' before the first '_'); pass --symbol");
    }

    /// <summary>The read of one file: rows parsed and checked in order, kept until the timeframe is known.</summary>
    private sealed class RowReader(string path, NyseCalendar calendar, bool skipBadRows, int expectedRows)
    {
        private readonly List<PendingBar> _rows = new(Math.Max(expectedRows, 16));
        private readonly List<SkippedRow> _skipped = [];
        private bool? _isDaily;

        public bool IsDaily => _isDaily ?? true;

        public IReadOnlyList<SkippedRow> Skipped => _skipped.AsReadOnly();

        public int RoundedValues { get; private set; }

        public void ReadAll(string text)
        {
            var lines = new TextLines(text);
            if (!lines.TryNext(out ReadOnlySpan<char> header))
            {
                throw BarDataException.ForFile(path, 0, $"the file is empty; expected the header '{Header}'");
            }

            if (!header.SequenceEqual(Header))
            {
                throw BarDataException.ForFile(path, 1, $"the header is '{header}'; expected exactly '{Header}'");
            }

            while (lines.TryNext(out ReadOnlySpan<char> line))
            {
                int lineNumber = lines.LineNumber;
                string? reason = TryParseRow(line, lineNumber, out PendingBar bar, out int rounded) ?? CheckOrder(bar);
                if (reason is null)
                {
                    _rows.Add(bar);
                    RoundedValues += rounded;
                }
                else if (skipBadRows)
                {
                    _skipped.Add(new SkippedRow(lineNumber, line.ToString(), reason));
                }
                else
                {
                    throw new BarDataException(path, lineNumber, reason);
                }
            }

            if (_rows.Count == 0)
            {
                throw BarDataException.ForFile(
                    path,
                    0,
                    _skipped.Count == 0 ? "no bars: the file has only the header" : $"no bars: all {_skipped.Count} rows are bad");
            }
        }

        /// <summary>The smallest positive gap between consecutive bars of one session: the bar period.</summary>
        public Timeframe InferTimeframe()
        {
            long smallest = long.MaxValue;
            int smallestLine = 0;
            for (int i = 1; i < _rows.Count; i++)
            {
                if (_rows[i].SessionCloseNs == _rows[i - 1].SessionCloseNs)
                {
                    long gap = _rows[i].StartNs - _rows[i - 1].StartNs;
                    if (gap < smallest)
                    {
                        smallest = gap;
                        smallestLine = _rows[i].Line;
                    }
                }
            }

            if (smallest == long.MaxValue)
            {
                throw BarDataException.ForFile(path, 0, "cannot infer the intraday timeframe: no session has two bars");
            }

            long minutes = smallest / EventTime.NanosPerMinute;
            if (smallest % EventTime.NanosPerMinute != 0 || minutes is < 1 or > 390)
            {
                string seconds = (smallest / (double)EventTime.NanosPerSecond).ToString("0.#########", CultureInfo.InvariantCulture);
                throw BarDataException.ForFile(
                    path,
                    smallestLine,
                    $"the smallest gap between bars of one session is {seconds} s, not a whole number of minutes from 1 to 390");
            }

            return new Timeframe((int)minutes);
        }

        public Bar[] ToBars(SymbolId symbol, Timeframe timeframe)
        {
            long barNs = timeframe.Minutes * EventTime.NanosPerMinute;
            var bars = new Bar[_rows.Count];
            for (int i = 0; i < bars.Length; i++)
            {
                PendingBar row = _rows[i];
                bars[i] = new Bar
                {
                    Symbol = symbol,
                    Timeframe = timeframe,
                    FeedId = 0,
                    StartNs = row.StartNs,
                    EndNs = timeframe.IsDaily ? row.SessionCloseNs : Math.Min(row.StartNs + barNs, row.SessionCloseNs),
                    Open = new Price(row.Open),
                    High = new Price(row.High),
                    Low = new Price(row.Low),
                    Close = new Price(row.Close),
                    Volume = row.Volume,
                    IsComplete = true,
                };
            }

            return bars;
        }

        private string? CheckOrder(in PendingBar bar)
        {
            if (_rows.Count == 0)
            {
                return null;
            }

            PendingBar previous = _rows[^1];
            if (bar.StartNs == previous.StartNs)
            {
                return string.Create(CultureInfo.InvariantCulture, $"duplicate timestamp: line {previous.Line} has the same one");
            }

            return bar.StartNs < previous.StartNs
                ? string.Create(CultureInfo.InvariantCulture, $"timestamp goes backwards: it is before line {previous.Line}'s")
                : null;
        }

        /// <summary>Parses and checks one row; null when it is good, else the reason.</summary>
        private string? TryParseRow(ReadOnlySpan<char> line, int lineNumber, out PendingBar bar, out int rounded)
        {
            bar = default;
            rounded = 0;
            Span<Range> fields = stackalloc Range[FieldCount + 1];
            int count = line.Split(fields, ',');
            if (count != FieldCount)
            {
                return line.IsWhiteSpace()
                    ? "empty line"
                    : string.Create(CultureInfo.InvariantCulture, $"expected {FieldCount} fields ({Header}), found {line.Count(',') + 1}");
            }

            long open = 0, high = 0, low = 0, close = 0, volume = 0;
            string? reason = ParseTime(line[fields[0]].Trim(), lineNumber, out long startNs, out long closeNs)
                ?? ParsePrice(line[fields[1]], "open", ref open, ref rounded)
                ?? ParsePrice(line[fields[2]], "high", ref high, ref rounded)
                ?? ParsePrice(line[fields[3]], "low", ref low, ref rounded)
                ?? ParsePrice(line[fields[4]], "close", ref close, ref rounded)
                ?? CheckRange(line, fields, open, high, low, close)
                ?? ParseVolume(line[fields[5]], ref volume);
            if (reason is not null)
            {
                return reason;
            }

            bar = new PendingBar(lineNumber, startNs, closeNs, open, high, low, close, volume);
            return null;
        }

        private string? ParseTime(ReadOnlySpan<char> text, int lineNumber, out long startNs, out long closeNs)
        {
            startNs = closeNs = 0;
            bool daily = IsoTimestamp.LooksLikeDate(text);
            string? reason = daily ? ParseDailyTime(text, out startNs, out closeNs) : ParseIntradayTime(text, out startNs, out closeNs);
            if (reason is null)
            {
                _isDaily ??= daily;
                if (_isDaily != daily)
                {
                    throw BarDataException.ForFile(
                        path,
                        lineNumber,
                        daily
                            ? $"a date '{text}' among intraday times: a file holds daily bars (dates) or intraday bars (times with offset), not both"
                            : $"a time '{text}' among daily dates: a file holds daily bars (dates) or intraday bars (times with offset), not both");
                }
            }

            return reason;
        }

        private string? ParseDailyTime(ReadOnlySpan<char> text, out long openNs, out long closeNs)
        {
            openNs = closeNs = 0;
            if (!IsoTimestamp.TryParseDate(text, out DateOnly date))
            {
                return NotATimestamp(text);
            }

            if (date < calendar.FirstDate || date > calendar.LastDate)
            {
                return OutsideCalendar(text);
            }

            return calendar.TryGetSession(date, out openNs, out closeNs) ? null : $"no session on that date: {calendar.Describe(date)}";
        }

        private string? ParseIntradayTime(ReadOnlySpan<char> text, out long startNs, out long closeNs)
        {
            closeNs = 0;
            if (!IsoTimestamp.TryParseInstant(text, out startNs))
            {
                return NotATimestamp(text);
            }

            if (startNs < calendar.RangeStartNs || startNs >= calendar.RangeEndNs)
            {
                return OutsideCalendar(text);
            }

            DateOnly date = calendar.NewYorkDate(startNs);
            if (!calendar.TryGetSession(date, out long openNs, out closeNs))
            {
                return $"no session on that date: {calendar.Describe(date)}";
            }

            return startNs >= openNs && startNs < closeNs
                ? null
                : $"{NyseCalendar.FormatNewYork(startNs)} is outside the session ({calendar.Describe(date)})";
        }

        private string OutsideCalendar(ReadOnlySpan<char> text) =>
            string.Create(CultureInfo.InvariantCulture, $"timestamp '{text}' is outside the NYSE calendar's range, {calendar.FirstDate:yyyy-MM-dd} to {calendar.LastDate:yyyy-MM-dd}");

        private static string NotATimestamp(ReadOnlySpan<char> text) =>
            $"timestamp '{text}' is neither a date yyyy-MM-dd nor an ISO-8601 time with offset like 2023-10-02T09:30:00-04:00";

        private static string? ParsePrice(ReadOnlySpan<char> text, string name, ref long micros, ref int rounded)
        {
            NumericError error = DecimalText.TryParseMicros(text, out micros, out bool wasRounded);
            if (error != NumericError.None)
            {
                return $"{name} '{text.Trim()}' is not a number";
            }

            if (micros <= 0)
            {
                return $"{name} {text.Trim()} is not positive";
            }

            rounded += wasRounded ? 1 : 0;
            return null;
        }

        private static string? CheckRange(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields, long open, long high, long low, long close)
        {
            if (high < low)
            {
                return $"high {line[fields[2]].Trim()} < low {line[fields[3]].Trim()}";
            }

            if (open < low || open > high)
            {
                return $"open {line[fields[1]].Trim()} is outside [low {line[fields[3]].Trim()}, high {line[fields[2]].Trim()}]";
            }

            return close < low || close > high
                ? $"close {line[fields[4]].Trim()} is outside [low {line[fields[3]].Trim()}, high {line[fields[2]].Trim()}]"
                : null;
        }

        private static string? ParseVolume(ReadOnlySpan<char> text, ref long volume)
        {
            text = text.Trim();
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out volume))
            {
                return volume < 0 ? $"volume {text} is negative" : null;
            }

            // Some sources write whole volumes as decimals (1234.0); a real fraction of a share is refused.
            if (DecimalText.TryParseMicros(text, out long micros, out bool rounded) != NumericError.None)
            {
                return $"volume '{text}' is not a number";
            }

            if (micros < 0)
            {
                return $"volume {text} is negative";
            }

            if (rounded || micros % Micros.PerUnit != 0)
            {
                return $"volume {text} is not a whole number of shares";
            }

            volume = micros / Micros.PerUnit;
            return null;
        }
    }

    /// <summary>A checked row before the timeframe is known; daily rows already carry their session close.</summary>
    private readonly record struct PendingBar(int Line, long StartNs, long SessionCloseNs, long Open, long High, long Low, long Close, long Volume);
}
