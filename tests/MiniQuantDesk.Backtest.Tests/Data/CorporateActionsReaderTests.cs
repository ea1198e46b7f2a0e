using MiniQuantDesk.Backtest.Data;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>Splits and dividends read exactly; any bad line stops the read with file, line and reason.</summary>
public sealed class CorporateActionsReaderTests : IDisposable
{
    private const string Header = "date,symbol,kind,ratio_or_amount";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Splits_as_decimals_or_ratios_and_dividends_read_in_lowest_terms_ordered_by_date()
    {
        string path = _folder.Write(
            "actions.csv",
            $"{Header}\n2021-11-17,MSFT,dividend,0.62\n2019-06-03,SAMPLE,split,2\n2020-08-31,AAPL,split,4:1\n2010-01-04,X,split,1.5\n2011-01-03,Y,split,6:4\n2012-01-03,Z,split,1:10\n");

        IReadOnlyList<CorporateAction> actions = CorporateActionsReader.Read(path);

        Assert.Equal(
            [
                new CorporateAction(new DateOnly(2010, 1, 4), "X", CorporateActionKind.Split, 3, 2, 0),
                new CorporateAction(new DateOnly(2011, 1, 3), "Y", CorporateActionKind.Split, 3, 2, 0),
                new CorporateAction(new DateOnly(2012, 1, 3), "Z", CorporateActionKind.Split, 1, 10, 0),
                new CorporateAction(new DateOnly(2019, 6, 3), "SAMPLE", CorporateActionKind.Split, 2, 1, 0),
                new CorporateAction(new DateOnly(2020, 8, 31), "AAPL", CorporateActionKind.Split, 4, 1, 0),
                new CorporateAction(new DateOnly(2021, 11, 17), "MSFT", CorporateActionKind.Dividend, 1, 1, 620_000),
            ],
            actions);
    }

    [Fact]
    public void A_header_alone_means_no_actions_and_trailing_blank_lines_are_fine()
    {
        string path = _folder.Write("actions.csv", $"{Header}\r\n\r\n");

        Assert.Empty(CorporateActionsReader.Read(path));
    }

    [Theory]
    [InlineData("2019-06-03,SAMPLE,split", "expected 4 fields (date,symbol,kind,ratio_or_amount), found 3")]
    [InlineData("2019-06-31,SAMPLE,split,2", "date '2019-06-31' is not a date yyyy-MM-dd")]
    [InlineData("2019-06-03,sample,split,2", "symbol 'sample' is not upper-case letters, digits, '.' or '-'")]
    [InlineData("2019-06-03,SAMPLE,merger,2", "kind 'merger' is neither 'split' nor 'dividend'")]
    [InlineData("2019-06-03,SAMPLE,split,two", "split ratio 'two' is neither a number nor N:M")]
    [InlineData("2019-06-03,SAMPLE,split,3:x", "split ratio '3:x' is not N:M with whole numbers N and M (new shares : old shares)")]
    [InlineData("2019-06-03,SAMPLE,split,3:0", "split ratio 3:0 is not positive")]
    [InlineData("2019-06-03,SAMPLE,split,-2", "split ratio -2 is not positive")]
    [InlineData("2019-06-03,SAMPLE,split,2:2", "split ratio 2:2 is 1: it changes nothing")]
    [InlineData("2019-06-03,SAMPLE,dividend,0", "dividend 0 is not positive")]
    [InlineData("2019-06-03,SAMPLE,dividend,0.1234567", "dividend 0.1234567 has more than 6 decimals")]
    [InlineData("2019-06-03,SAMPLE,dividend,abc", "dividend 'abc' is not a number")]
    [InlineData("2019-06-04,SAMPLE,split,2", "duplicate: line 2 has the same date, symbol and kind")]
    public void A_bad_line_stops_the_read_naming_file_line_and_reason(string badLine, string reason)
    {
        string path = _folder.Write("actions.csv", $"{Header}\n2019-06-04,SAMPLE,split,2\n{badLine}\n");

        DataFileException error = Assert.Throws<DataFileException>(() => CorporateActionsReader.Read(path));

        Assert.Equal((path, 3, reason), (error.File, error.Line, error.Reason));
        Assert.Equal($"{path} line 3: {reason}", error.Message);
    }

    [Fact]
    public void A_wrong_header_is_refused_naming_the_expected_header()
    {
        string path = _folder.Write("actions.csv", "date,symbol,type,value\n");

        DataFileException error = Assert.Throws<DataFileException>(() => CorporateActionsReader.Read(path));

        Assert.Equal($"{path} line 1: the header is 'date,symbol,type,value'; expected exactly '{Header}'", error.Message);
    }
}
