using System.Security.Cryptography;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>The sample data set: same bytes every time, readable, with the split visible and a walk that gives a
/// moving-average crossover something to trade.</summary>
public sealed class SampleDataGeneratorTests(SampleDataFixture sample) : IClassFixture<SampleDataFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Two_writes_give_byte_identical_files_with_pinned_hashes()
    {
        SampleDataFiles first = sample.Files;
        SampleDataFiles second = SampleDataGenerator.Write(_folder.Sub("again"));

        for (int i = 0; i < first.All.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(first.All[i]), File.ReadAllBytes(second.All[i]));
        }

        Assert.Equal(
            [
                ("SAMPLE_1d.csv", "2bdc1ef26a48b138705e450415abcd1583262fd46f29e654cfcbe8e61cacf6a2"),
                ("SAMPLE_1m.csv", "b61110aec6f076f9ed8c97ad4fa566bf6098d11f54d461d08bb550e147d2d12b"),
                ("corporate_actions.csv", "63ab14833bd48f25ca1d17e06da7286dc768a57d67d92ffd551305557be8c141"),
                ("README.txt", "d28ea9dedbe230033c81249cc3c35fc7e4375e2d8b67a4e8ce63f5c352292317"),
            ],
            first.All.Select(path => (Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))))));
    }

    [Fact]
    public void The_daily_file_has_one_bar_per_session_from_2014_to_2023_and_reads_cleanly()
    {
        SampleDataFiles files = sample.Files;

        BarSeries daily = BarCsvReader.Read(files.DailyBars, new BarCsvOptions());

        int sessions = NyseCalendar.Default.TradingDaysBetween(new DateOnly(2014, 1, 2), new DateOnly(2023, 12, 30));
        Assert.Equal(sessions, daily.Bars.Length);
        Assert.Equal(2_516, daily.Bars.Length);
        Assert.Equal(("SAMPLE", Timeframe.Daily, 0, 0), (daily.Symbol, daily.Timeframe, daily.Skipped.Count, daily.RoundedValues));
        Assert.InRange(daily.Bars[0].Open.Micros, 95_000_000, 105_000_000);
        Assert.All(daily.Bars, bar => Assert.Equal(0, bar.Close.Micros % 10_000));
    }

    [Fact]
    public void The_minute_file_has_every_regular_session_minute_of_2023_with_early_closes_ending_at_13_00()
    {
        SampleDataFiles files = sample.Files;

        BarSeries minutes = BarCsvReader.Read(files.MinuteBars, new BarCsvOptions());

        NyseCalendar calendar = NyseCalendar.Default;
        long yearStart = calendar.SessionOpenNs(new DateOnly(2023, 1, 3));
        long yearEnd = calendar.SessionOpenNs(new DateOnly(2024, 1, 2));
        Assert.Equal(calendar.ExpectedBarsBetween(yearStart, yearEnd, Timeframe.OneMinute), minutes.Bars.Length);
        Assert.Equal(97_140, minutes.Bars.Length);
        Assert.Equal((Timeframe.OneMinute, 0), (minutes.Timeframe, minutes.Skipped.Count));
        long earlyClose = calendar.SessionCloseNs(new DateOnly(2023, 11, 24));
        Assert.Contains(minutes.Bars, bar => bar.EndNs == earlyClose);
        Assert.DoesNotContain(minutes.Bars, bar => bar.StartNs >= earlyClose && calendar.NewYorkDate(bar.StartNs) == new DateOnly(2023, 11, 24));
        string[] lines = File.ReadAllLines(files.MinuteBars);
        Assert.Equal("2023-01-03T09:30:00-05:00", lines[1][..25]);
        Assert.Contains(lines, line => line.StartsWith("2023-07-03T12:59:00-04:00,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_split_halves_prices_and_doubles_volume_from_its_session_and_the_actions_file_names_it()
    {
        SampleDataFiles files = sample.Files;

        Bar[] bars = BarCsvReader.Read(files.DailyBars, new BarCsvOptions()).Bars;
        CorporateAction split = Assert.Single(CorporateActionsReader.Read(files.CorporateActions));

        Assert.Equal(new CorporateAction(new DateOnly(2019, 6, 3), "SAMPLE", CorporateActionKind.Split, 2, 1, 0), split);
        int first = Array.FindIndex(bars, bar => bar.StartNs == NyseCalendar.Default.SessionOpenNs(split.Date));
        double priceRatio = (double)bars[first].Open.Micros / bars[first - 1].Close.Micros;
        Assert.InRange(priceRatio, 0.45, 0.55);
        double volumeRatio = bars.Skip(first).Take(60).Average(bar => bar.Volume) / bars.Skip(first - 60).Take(60).Average(bar => bar.Volume);
        Assert.InRange(volumeRatio, 1.5, 2.7);
    }

    [Fact]
    public void The_daily_walk_gives_a_10_30_moving_average_crossover_a_few_dozen_trades()
    {
        SampleDataFiles files = sample.Files;

        Bar[] bars = BarCsvReader.Read(files.DailyBars, new BarCsvOptions()).Bars;

        Assert.InRange(CountLongOnlyEntries(bars, 10, 30), 20, 70);
    }

    [Fact]
    public void Writing_into_a_folder_with_the_same_files_is_harmless()
    {
        string folder = Path.GetDirectoryName(sample.Files.DailyBars)!;
        DateTime writtenAt = File.GetLastWriteTimeUtc(sample.Files.MinuteBars);

        SampleDataFiles again = SampleDataGenerator.Write(folder);

        Assert.Equal(sample.Files, again);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(again.MinuteBars));
    }

    [Fact]
    public void A_different_existing_file_is_never_overwritten_and_the_error_names_it()
    {
        string existing = _folder.Write("corporate_actions.csv", "date,symbol,kind,ratio_or_amount\n");

        IOException error = Assert.Throws<IOException>(() => SampleDataGenerator.Write(_folder.PathName));

        Assert.Contains(existing, error.Message, StringComparison.Ordinal);
        Assert.Contains("choose an empty folder", error.Message, StringComparison.Ordinal);
        Assert.Equal("date,symbol,kind,ratio_or_amount\n", File.ReadAllText(existing));
        Assert.False(File.Exists(Path.Combine(_folder.PathName, "SAMPLE_1d.csv")));
    }

    [Fact]
    public void The_readme_says_the_data_is_synthetic_and_seeded()
    {
        string readme = File.ReadAllText(sample.Files.Readme);

        Assert.Contains("SYNTHETIC", readme, StringComparison.Ordinal);
        Assert.Contains("seed", readme, StringComparison.Ordinal);
    }

    /// <summary>Entries of a long-only SMA(fast)/SMA(slow) crossover on closes, compared exactly in integers.</summary>
    private static int CountLongOnlyEntries(Bar[] bars, int fast, int slow)
    {
        int entries = 0;
        bool long_ = false;
        int lastSign = 0;
        for (int t = slow - 1; t < bars.Length; t++)
        {
            long sumFast = 0, sumSlow = 0;
            for (int i = 0; i < slow; i++)
            {
                sumSlow += bars[t - i].Close.Micros;
                sumFast += i < fast ? bars[t - i].Close.Micros : 0;
            }

            int sign = Math.Sign((slow * sumFast) - (fast * sumSlow));
            if (sign > 0 && lastSign < 0 && !long_)
            {
                entries++;
                long_ = true;
            }
            else if (sign < 0 && lastSign > 0 && long_)
            {
                long_ = false;
            }

            lastSign = sign != 0 ? sign : lastSign;
        }

        return entries;
    }
}
