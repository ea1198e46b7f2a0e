using MiniQuantDesk.Backtest.Data;

namespace MiniQuantDesk.Cli.Tests.Support;

/// <summary>The sample data written once for the tests that only read it. A test that changes an input copies it
/// into its own folder first, since a run's manifest locks the inputs by path and hash.</summary>
public sealed class SampleDataFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleDataFixture() => Files = SampleDataGenerator.Write(_folder.PathName);

    public SampleDataFiles Files { get; }

    /// <summary>The daily bars (unadjusted, with the 2:1 split on 2019-06-03).</summary>
    public string Daily => Files.DailyBars;

    /// <summary>The corporate actions file naming that split.</summary>
    public string Actions => Files.CorporateActions;

    public void Dispose() => _folder.Dispose();
}
