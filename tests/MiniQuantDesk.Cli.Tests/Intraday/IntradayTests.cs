using System.Text.RegularExpressions;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Intraday;

[Collection(ConsoleCollection.Name)]
public sealed partial class IntradayTests(SampleDataFixture sample) : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void A_backtest_over_a_year_of_minute_bars_completes_through_every_bar()
    {
        string output = _temp.Sub("run");

        MqdRun run = Mqd.Run("backtest", "--data", sample.Files.MinuteBars, "--out", output);

        run.AssertSucceeded();
        Match bars = BarsLine().Match(run.Out);
        Assert.True(bars.Success, run.ToString());
        Assert.Equal(bars.Groups["total"].Value, bars.Groups["done"].Value);
        Assert.True(File.Exists(Path.Combine(output, ArtifactManifest.FileName)));
        Assert.NotEmpty(RunFolder.Rows(output, "fills.csv"));
    }

    [GeneratedRegex(@"bars: (?<done>[\d,]+) of (?<total>[\d,]+);")]
    private static partial Regex BarsLine();

    public void Dispose() => _temp.Dispose();
}
