using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Verification;

/// <summary>One untouched run of the sample data with every stress profile, for tests that copy it and then
/// tamper with the copy.</summary>
public sealed class StressedRunFixture : IDisposable
{
    private readonly SampleDataFixture _sample = new();
    private readonly TempFolder _folder = new();

    public StressedRunFixture()
    {
        Directory = _folder.Sub("pristine");
        Backtests.Run(Backtests.SampleDaily(_sample), Directory, StressProfileCatalog.BuiltIn.Profiles);
    }

    /// <summary>The run's folder; never to be changed.</summary>
    public string Directory { get; }

    /// <summary>A fresh copy of the run under <paramref name="parent"/>.</summary>
    public string CopyInto(TempFolder parent)
    {
        string copy = parent.Sub("run-" + Guid.NewGuid().ToString("N"));
        RunFolder.CopyTo(Directory, copy);
        return copy;
    }

    public void Dispose()
    {
        _folder.Dispose();
        _sample.Dispose();
    }
}
