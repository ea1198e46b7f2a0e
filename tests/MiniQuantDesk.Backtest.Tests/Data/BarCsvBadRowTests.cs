using MiniQuantDesk.Backtest.Data;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>Every kind of bad row: without --skip-bad-rows it stops the read with file, line and reason; with it,
/// the row is listed and the rest is read.</summary>
public sealed class BarCsvBadRowTests : IDisposable
{
    private const string GoodBefore = "2023-10-02,10,11,9,10.5,100";
    private const string GoodAfter = "2023-10-05,10,11,9,10.5,100";
    private readonly TempFolder _folder = new();

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "a missing field", "2023-10-03,10,11,9,10.5", "expected 6 fields (timestamp,open,high,low,close,volume), found 5" },
        { "an extra field", "2023-10-03,10,11,9,10.5,100,7", "expected 6 fields (timestamp,open,high,low,close,volume), found 7" },
        { "an empty line", "", "empty line" },
        { "a non-numeric price", "2023-10-03,10,abc,9,10.5,100", "high 'abc' is not a number" },
        { "a non-numeric volume", "2023-10-03,10,11,9,10.5,lots", "volume 'lots' is not a number" },
        { "a timestamp that is not one", "2023-13-03,10,11,9,10.5,100", "timestamp '2023-13-03' is neither a date yyyy-MM-dd nor an ISO-8601 time with offset" },
        { "a zero price", "2023-10-03,0,11,9,10.5,100", "open 0 is not positive" },
        { "a negative price", "2023-10-03,10,11,-9,10.5,100", "low -9 is not positive" },
        { "a high below the low", "2023-10-03,10,9,11,10,100", "high 9 < low 11" },
        { "an open outside the range", "2023-10-03,12,11,9,10.5,100", "open 12 is outside [low 9, high 11]" },
        { "a close outside the range", "2023-10-03,10,11,9,8.99,100", "close 8.99 is outside [low 9, high 11]" },
        { "a negative volume", "2023-10-03,10,11,9,10.5,-5", "volume -5 is negative" },
        { "a fractional volume", "2023-10-03,10,11,9,10.5,12.5", "volume 12.5 is not a whole number of shares" },
        { "a weekend date", "2023-10-07,10,11,9,10.5,100", "no session on that date: 2023-10-07 closed: weekend" },
        { "a holiday", "2023-07-04,10,11,9,10.5,100", "no session on that date: 2023-07-04 closed: Independence Day" },
        { "a date before the calendar", "1989-12-29,10,11,9,10.5,100", "timestamp '1989-12-29' is outside the NYSE calendar's range, 1990-01-01 to 2200-12-31" },
        { "a duplicate timestamp", "2023-10-02,10,11,9,10.5,100", "duplicate timestamp: line 2 has the same one" },
        { "a backwards timestamp", "2023-09-29,10,11,9,10.5,100", "timestamp goes backwards: it is before line 2's" },
    };

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_stops_the_read_naming_file_line_and_reason(string kind, string badRow, string reason)
    {
        string path = WriteWith(badRow);

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions()));

        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.True(error.Reason.StartsWith(reason, StringComparison.Ordinal), $"{kind}: {error.Reason}");
        Assert.Equal($"{path} line 3: {error.Reason} (pass --skip-bad-rows to skip such rows and list them in the artifacts)", error.Message);
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public void With_skip_bad_rows_a_bad_row_is_listed_and_the_rest_is_read(string kind, string badRow, string reason)
    {
        string path = WriteWith(badRow);

        BarSeries series = BarCsvReader.Read(path, new BarCsvOptions { SkipBadRows = true });

        SkippedRow skipped = Assert.Single(series.Skipped);
        Assert.Equal(3, skipped.Line);
        Assert.Equal(badRow, skipped.Text);
        Assert.True(skipped.Reason.StartsWith(reason, StringComparison.Ordinal), $"{kind}: {skipped.Reason}");
        Assert.Equal(2, series.Bars.Length);
    }

    [Fact]
    public void An_intraday_time_outside_the_session_is_a_bad_row()
    {
        string path = _folder.Write(
            "X_1m.csv",
            "timestamp,open,high,low,close,volume\n2023-10-02T09:30:00-04:00,10,11,9,10,1\n2023-10-02T09:31:00-04:00,10,11,9,10,1\n2023-10-02T16:00:00-04:00,10,11,9,10,1\n");

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions()));
        BarSeries skipping = BarCsvReader.Read(path, new BarCsvOptions { SkipBadRows = true });

        Assert.Equal(4, error.Line);
        Assert.Equal("2023-10-02 16:00 New York is outside the session (2023-10-02 regular session 09:30–16:00 New York)", error.Reason);
        Assert.Equal(4, Assert.Single(skipping.Skipped).Line);
        Assert.Equal(2, skipping.Bars.Length);
    }

    [Fact]
    public void An_intraday_time_without_an_offset_is_a_bad_row()
    {
        string path = _folder.Write(
            "X_1m.csv",
            "timestamp,open,high,low,close,volume\n2023-10-02T09:30:00-04:00,10,11,9,10,1\n2023-10-02T09:31:00,10,11,9,10,1\n2023-10-02T09:32:00-04:00,10,11,9,10,1\n");

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions()));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("timestamp '2023-10-02T09:31:00' is neither", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_whose_rows_are_all_bad_has_no_bars_and_is_an_error_even_when_skipping()
    {
        string path = _folder.Write("X_1d.csv", "timestamp,open,high,low,close,volume\n2023-10-07,10,11,9,10,1\nnonsense\n");

        BarDataException error = Assert.Throws<BarDataException>(() => BarCsvReader.Read(path, new BarCsvOptions { SkipBadRows = true }));

        Assert.Equal($"{path}: no bars: all 2 rows are bad", error.Message);
    }

    private string WriteWith(string badRow) =>
        _folder.Write("X_1d.csv", $"timestamp,open,high,low,close,volume\n{GoodBefore}\n{badRow}\n{GoodAfter}\n");
}
