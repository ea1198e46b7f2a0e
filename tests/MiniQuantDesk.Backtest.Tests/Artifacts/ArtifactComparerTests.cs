using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

public sealed class ArtifactComparerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Run(string name, string fills = "a\n", string trades = "b\n", string config = "00")
    {
        string directory = _folder.Folder(name);
        File.WriteAllText(Path.Combine(directory, "equity.csv"), "e\n");
        File.WriteAllText(Path.Combine(directory, "fills.csv"), fills);
        File.WriteAllText(Path.Combine(directory, "trades.csv"), trades);
        ManifestWriter.Write(directory, [], config);
        return directory;
    }

    [Fact]
    public void Identical_runs_have_no_difference() => Assert.Null(ArtifactComparer.FirstDifference(Run("a"), Run("b")));

    [Fact]
    public void The_first_differing_file_in_sorted_order_is_named()
    {
        Assert.Equal("fills.csv", ArtifactComparer.FirstDifference(Run("a"), Run("b", fills: "x\n", trades: "y\n")));
    }

    [Fact]
    public void A_file_missing_from_one_folder_is_named()
    {
        string second = Run("b");
        File.Delete(Path.Combine(second, "equity.csv"));

        Assert.Equal("equity.csv", ArtifactComparer.FirstDifference(Run("a"), second));
    }

    [Fact]
    public void Runs_that_differ_only_in_their_configuration_hash_differ_in_the_manifest()
    {
        Assert.Equal("manifest.json", ArtifactComparer.FirstDifference(Run("a"), Run("b", config: "01")));
    }
}
