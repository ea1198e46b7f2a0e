using MiniQuantDesk.Backtest.Data;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>The sample data written once for the tests that only read it (writing takes about a second).</summary>
public sealed class SampleDataFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleDataFixture() => Files = SampleDataGenerator.Write(_folder.PathName);

    public SampleDataFiles Files { get; }

    public void Dispose() => _folder.Dispose();
}
