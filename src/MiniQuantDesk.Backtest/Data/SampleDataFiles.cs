namespace MiniQuantDesk.Backtest.Data;

/// <summary>The files <see cref="SampleDataGenerator.Write"/> wrote (full paths).</summary>
/// <param name="DailyBars"><c>SAMPLE_1d.csv</c>: one unadjusted bar per session, 2014 to 2023, with a 2-for-1 split.</param>
/// <param name="MinuteBars"><c>SAMPLE_1m.csv</c>: every regular-session minute of 2023.</param>
/// <param name="CorporateActions"><c>corporate_actions.csv</c>: the split.</param>
/// <param name="Readme"><c>README.txt</c>: what the files are and how they were made.</param>
public sealed record SampleDataFiles(string DailyBars, string MinuteBars, string CorporateActions, string Readme)
{
    /// <summary>Every file, in the order written.</summary>
    public IReadOnlyList<string> All => [DailyBars, MinuteBars, CorporateActions, Readme];
}
