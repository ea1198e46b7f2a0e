using System.Security.Cryptography;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>What a good bar file reads as: session times, timeframe, symbol, and the file-level errors.</summary>
public sealed class BarCsvReaderTests : IDisposable
{
    private const string Header = "timestamp,open,high,low,close,volume";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_daily_bar_spans_its_session_from_open_to_close_and_an_early_close_ends_at_13_00_New_York()
    {
        string path = _folder.Write("SPY_1d.csv", $"{Header}\n2023-07-05,10,11,9,10,1\n2023-11-22,10,11,9,10,1\n2023-11-24,10,11,9,10,1\n");

        BarSeries series = BarCsvReader.Read(path, new BarCsvOptions());

        Assert.Equal(Timeframe.Daily, series.Timeframe);
        Assert.Equal(Utc(2023, 7, 5, 13, 30), series.Bars[0].StartNs);
        Assert.Equal(Utc(2023, 7, 5, 20, 0), series.Bars[0].EndNs);
        Assert.Equal(Utc(2023, 11, 22, 14, 30), series.Bars[1].StartNs);
        Assert.Equal(Utc(2023, 11, 22, 21, 0), series.Bars[1].EndNs);
        Assert.Equal(Utc(2023, 11, 24, 14, 30), series.Bars[2].StartNs);
        Assert.Equal(Utc(2023, 11, 24, 18, 0), series.Bars[2].EndNs);
    }

    [Fact]
    public void Every_bar_carries_the_symbol_id_feed_0_completeness_and_exact_prices()
    {
        string path = _folder.Write("SPY_1d.csv", $"{Header}\n2023-10-02,101.25,102,100.5,101.75,1234\n");

        Bar bar = Assert.Single(BarCsvReader.Read(path, new BarCsvOptions { SymbolId = new SymbolId(7) }).Bars);

        Assert.Equal(new SymbolId(7), bar.Symbol);
        Assert.Equal(0, bar.FeedId);
        Assert.True(bar.IsComplete);
        Assert.Equal(Timeframe.Daily, bar.Timeframe);
        Assert.Equal((101_250_000L, 102_000_000L, 100_500_000L, 101_750_000L, 1234L), (bar.Open.Micros, bar.High.Micros, bar.Low.Micros, bar.Close.Micros, bar.Volume));
    }

    [Fact]
    public void The_intraday_timeframe_is_the_smallest_gap_between_bars_of_one_session()
    {
        string path = _folder.Write(
            "SPY_5m.csv",
            $"{Header}\n2023-10-02T09:30:00-04:00,10,11,9,10,1\n2023-10-02T09:35:00-04:00,10,11,9,10,1\n2023-10-02T09:45:00-04:00,10,11,9,10,1\n"
            + "2023-10-02T15:55:00-04:00,10,11,9,10,1\n2023-10-03T09:30:00-04:00,10,11,9,10,1\n");

        BarSeries series = BarCsvReader.Read(path, new BarCsvOptions());

        Assert.Equal(new Timeframe(5), series.Timeframe);
        Assert.All(series.Bars, bar => Assert.Equal(5 * EventTime.NanosPerMinute, bar.EndNs - bar.StartNs));
        Assert.Equal(Utc(2023, 10, 2, 20, 0), series.Bars[3].EndNs);
    }

    [Fact]
    public void An_intraday_bar_ends_at_the_session_close_when_its_period_runs_past_it()
    {
        string path = _folder.Write(
            "SPY_30m.csv",
            $"{Header}\n2023-11-24T09:30:00-05:00,10,11,9,10,1\n2023-11-24T10:00:00-05:00,10,11,9,10,1\n2023-11-24T12:50:00-05:00,10,11,9,10,1\n");

        BarSeries series = BarCsvReader.Read(path, new BarCsvOptions());

        Assert.Equal(new Timeframe(30), series.Timeframe);
        Assert.Equal(Utc(2023, 11, 24, 18, 0), series.Bars[2].EndNs);
    }

    [Fact]
    public void A_utc_time_and_the_same_instant_with_the_New_York_offset_read_alike()
    {
        string path = _folder.Write("SPY_1m.csv", $"{Header}\n2023-10-02T13:30:00Z,10,11,9,10,1\n2023-10-02T09:31:00-0400,10,11,9,10,1\n");

        BarSeries series = BarCsvReader.Read(path, new BarCsvOptions());

        Assert.Equal(Utc(2023, 10, 2, 13, 30), series.Bars[0].StartNs);
        Assert.Equal(Timeframe.OneMinute, series.Timeframe);
    }

    [Fact]
    public void A_gap_that_is_not_whole_minutes_is_refused_naming_the_line()
    {
        string path = _folder.Write("SPY_x.csv", $"{Header}\n2023-10-02T09:30:00-04:00,10,11,9,10,1\n2023-10-02T09:31:30-04:00,10,11,9,10,1\n");

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions()));

        Assert.Equal($"{path} line 3: the smallest gap between bars of one session is 90 s, not a whole number of minutes from 1 to 390", error.Message);
    }

    [Fact]
    public void Intraday_bars_with_no_two_in_one_session_leave_the_timeframe_unknown_and_are_refused()
    {
        string path = _folder.Write("SPY_x.csv", $"{Header}\n2023-10-02T09:30:00-04:00,10,11,9,10,1\n2023-10-03T09:30:00-04:00,10,11,9,10,1\n");

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions()));

        Assert.Contains("cannot infer the intraday timeframe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_and_intraday_rows_in_one_file_are_refused_even_when_skipping_bad_rows()
    {
        string path = _folder.Write("SPY_x.csv", $"{Header}\n2023-10-02,10,11,9,10,1\n2023-10-03T09:30:00-04:00,10,11,9,10,1\n");

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions { SkipBadRows = true }));

        Assert.Equal(3, error.Line);
        Assert.Contains("not both", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("--skip-bad-rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MSFT_1d_adj.csv", "MSFT")]
    [InlineData("BRK.B_1d.csv", "BRK.B")]
    [InlineData("SPY.csv", "SPY")]
    public void The_symbol_is_the_file_name_up_to_the_first_underscore(string fileName, string symbol)
    {
        string path = _folder.Write(fileName, $"{Header}\n2023-10-02,10,11,9,10,1\n");

        Assert.Equal(symbol, BarCsvReader.Read(path, new BarCsvOptions()).Symbol);
    }

    [Fact]
    public void A_file_name_without_a_symbol_is_refused_with_advice_to_pass_the_symbol_option()
    {
        string path = _folder.Write("daily_msft.csv", $"{Header}\n2023-10-02,10,11,9,10,1\n");

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions()));
        BarSeries named = BarCsvReader.Read(path, new BarCsvOptions { Symbol = "MSFT" });

        Assert.EndsWith("pass --symbol", error.Message, StringComparison.Ordinal);
        Assert.Equal("MSFT", named.Symbol);
    }

    [Fact]
    public void A_wrong_header_is_refused_naming_the_expected_header()
    {
        string path = _folder.Write("SPY_1d.csv", "Date,Open,High,Low,Close,Volume\n2023-10-02,10,11,9,10,1\n");

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions { SkipBadRows = true }));

        Assert.Equal($"{path} line 1: the header is 'Date,Open,High,Low,Close,Volume'; expected exactly '{Header}'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("timestamp,open,high,low,close,volume\n")]
    public void An_empty_file_or_a_header_alone_is_an_error(string content)
    {
        string path = _folder.Write("SPY_1d.csv", content);

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions()));

        Assert.Equal(0, error.Line);
    }

    [Fact]
    public void Crlf_line_breaks_a_byte_order_mark_and_trailing_blank_lines_are_fine()
    {
        string path = _folder.Write("SPY_1d.csv", $"\uFEFF{Header}\r\n2023-10-02,10,11,9,10,1\r\n2023-10-03,10,11,9,10,2\r\n\r\n\n");

        BarSeries series = BarCsvReader.Read(path, new BarCsvOptions());

        Assert.Equal(2, series.Bars.Length);
        Assert.Empty(series.Skipped);
    }

    [Fact]
    public void Prices_with_more_than_six_decimals_are_rounded_and_counted()
    {
        string path = _folder.Write("SPY_1d.csv", $"{Header}\n2023-10-02,10.1234565,11,9,10.00000049,1\n2023-10-03,10,11,9,10,1\n");

        BarSeries series = BarCsvReader.Read(path, new BarCsvOptions());

        Assert.Equal(2, series.RoundedValues);
        Assert.Equal(10_123_457, series.Bars[0].Open.Micros);
        Assert.Equal(10_000_000, series.Bars[0].Close.Micros);
    }

    [Fact]
    public void A_volume_written_as_a_decimal_with_zero_fraction_is_a_whole_number()
    {
        string path = _folder.Write("SPY_1d.csv", $"{Header}\n2023-10-02,10,11,9,10,1234.0\n");

        Assert.Equal(1234, Assert.Single(BarCsvReader.Read(path, new BarCsvOptions()).Bars).Volume);
    }

    [Fact]
    public void The_series_records_the_full_path_and_the_sha256_of_the_file_bytes()
    {
        string path = _folder.Write("SPY_1d.csv", $"{Header}\n2023-10-02,10,11,9,10,1\n");

        BarSeries series = BarCsvReader.Read(path, new BarCsvOptions());

        Assert.Equal(Path.GetFullPath(path), series.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), series.Sha256);
    }

    private static long Utc(int year, int month, int day, int hour, int minute) =>
        EventTime.FromDateTimeOffset(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));
}
