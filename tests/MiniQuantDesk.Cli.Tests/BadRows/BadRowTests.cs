using System.Globalization;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.BadRows;

/// <summary>A malformed CSV row stops the run with the file, the line and the reason; with --skip-bad-rows the run
/// goes on and lists every skipped row, under the manifest's lock.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BadRowTests(SampleDataFixture sample) : IDisposable
{
    public static readonly TheoryData<string> Kinds = ["non-numeric", "missing field", "high below low", "duplicate", "backwards"];

    private readonly TempFolder _temp = new();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_bad_row_stops_the_run_naming_file_line_and_reason(string kind)
    {
        string[] good = BadRowFile.GoodRows(sample.Daily, 40);
        (string row, string reason) = BadRowFile.Make(kind, good[..10], good[10]);
        BadRowFile file = BadRowFile.Start(sample.Daily).Good(good[..10]).BadRow(row, reason).Good(good[11..]);
        string data = file.Write(_temp.Sub("SAMPLE_1d.csv"));
        string output = _temp.Sub("run");

        MqdRun run = Mqd.Run("backtest", "--data", data, "--out", output);

        run.AssertRefused($"{data} line 12: ", reason, "--skip-bad-rows");
        Assert.Equal(12, file.Bad[0].Line);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void With_skip_bad_rows_the_run_succeeds_and_lists_every_skipped_row_under_the_manifest()
    {
        string[] good = BadRowFile.GoodRows(sample.Daily, 60);
        BadRowFile file = BadRowFile.Start(sample.Daily);
        int next = 0;
        foreach (string kind in Kinds)
        {
            file.Good(good[next..(next + 10)]);
            next += 10;
            (string row, string reason) = BadRowFile.Make(kind, good[..next], good[next]);
            file.BadRow(row, reason);
            next++; // the bad row stands in for that good one
        }

        file.Good(good[next..]);
        string data = file.Write(_temp.Sub("SAMPLE_1d.csv"));
        string output = _temp.Sub("run");

        MqdRun run = Mqd.Run("backtest", "--data", data, "--skip-bad-rows", "--out", output);

        run.AssertSucceeded();
        Assert.Contains($"skipped rows: {file.Bad.Count}", run.Out, StringComparison.Ordinal);
        string[] listed = File.ReadAllLines(Path.Combine(output, BacktestJob.SkippedRowsFileName));
        Assert.Equal("file,line,reason,row", listed[0]);
        Assert.Equal(file.Bad.Count, listed.Length - 1);
        for (int i = 0; i < file.Bad.Count; i++)
        {
            (int line, string row, string reason) = file.Bad[i];
            Assert.StartsWith($"SAMPLE_1d.csv,{line.ToString(CultureInfo.InvariantCulture)},", listed[i + 1], StringComparison.Ordinal);
            Assert.Contains(reason, listed[i + 1], StringComparison.Ordinal);
            Assert.Contains(row.Split(',')[0], listed[i + 1], StringComparison.Ordinal);
        }

        Assert.Contains(BacktestJob.SkippedRowsFileName, RunFolder.ManifestFiles(output));
        Assert.Equal(0, Mqd.Run("verify", output).ExitCode);
    }

    [Fact]
    public void A_skipped_rows_list_changed_after_the_run_fails_verification()
    {
        string data = BadRowFile.Start(sample.Daily)
            .Good(BadRowFile.GoodRows(sample.Daily, 20))
            .BadRow("2014-02-03,x,1,1,1,1", "open 'x' is not a number")
            .Write(_temp.Sub("SAMPLE_1d.csv"));
        string output = _temp.Sub("run");
        Mqd.Run("backtest", "--data", data, "--skip-bad-rows", "--out", output).AssertSucceeded();
        File.AppendAllText(Path.Combine(output, BacktestJob.SkippedRowsFileName), "SAMPLE_1d.csv,99,forged,\n");

        MqdRun verify = Mqd.Run("verify", output);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains($"NOT VERIFIED {output}: {BacktestJob.SkippedRowsFileName}", verify.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
