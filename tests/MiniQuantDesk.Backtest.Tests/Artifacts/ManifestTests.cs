using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

public sealed class ManifestTests : IDisposable
{
    private const string ConfigSha = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>An artifact folder with three files and a manifest over them and one input.</summary>
    private (string Directory, string Input) LockedRun(string name = "run")
    {
        string input = _folder.File("bars-" + name + ".csv");
        File.WriteAllText(input, "time,open\n1,2\n");
        string directory = _folder.Folder(name);
        File.WriteAllText(Path.Combine(directory, "fills.csv"), "a\n");
        File.WriteAllText(Path.Combine(directory, "metrics.json"), "{}\n");
        File.WriteAllText(Path.Combine(directory, "trades.csv"), "b\n");
        ManifestWriter.Write(directory, [input], ConfigSha);
        return (directory, input);
    }

    [Fact]
    public void An_untouched_folder_verifies()
    {
        Assert.Equal(ManifestCheck.Intact, ManifestVerifier.Verify(LockedRun().Directory));
    }

    [Fact]
    public void The_manifest_lists_every_file_with_its_hash_and_the_inputs_in_canonical_json()
    {
        (string directory, string input) = LockedRun();

        string text = File.ReadAllText(Path.Combine(directory, "manifest.json"));

        Assert.StartsWith($"{{\"config_sha256\":\"{ConfigSha}\",\"files\":{{\"fills.csv\":\"{CanonicalJson.Sha256Hex("a\n")}\",\"metrics.json\":", text, StringComparison.Ordinal);
        Assert.EndsWith($"\"format\":1,\"inputs\":[{{\"path\":\"{input}\",\"sha256\":\"{CanonicalJson.Sha256Hex("time,open\n1,2\n")}\"}}],\"tool\":\"mqd\"}}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_file_is_named()
    {
        string directory = LockedRun().Directory;
        File.WriteAllText(Path.Combine(directory, "fills.csv"), "changed\n");

        Assert.Equal(ManifestCheck.Failed("fills.csv: SHA-256 differs from the manifest"), ManifestVerifier.Verify(directory));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string directory = LockedRun().Directory;
        File.Delete(Path.Combine(directory, "trades.csv"));

        Assert.Equal(ManifestCheck.Failed("trades.csv: missing (the manifest lists it)"), ManifestVerifier.Verify(directory));
    }

    [Fact]
    public void An_extra_file_is_named_but_a_later_promotion_record_is_allowed()
    {
        string directory = LockedRun().Directory;
        File.WriteAllText(Path.Combine(directory, "promotion.json"), "{}\n");
        Assert.True(ManifestVerifier.Verify(directory).Ok);

        File.WriteAllText(Path.Combine(directory, "notes.txt"), "hi\n");

        Assert.Equal(ManifestCheck.Failed("notes.txt: not listed in the manifest (a file was added after the run)"), ManifestVerifier.Verify(directory));
    }

    [Fact]
    public void A_changed_input_is_named()
    {
        (string directory, string input) = LockedRun();
        File.AppendAllText(input, "3,4\n");

        ManifestCheck check = ManifestVerifier.Verify(directory);

        Assert.False(check.Ok);
        Assert.Equal($"input {input}: SHA-256 differs from the manifest (the data changed since the run)", check.Problem);
    }

    [Fact]
    public void A_folder_without_a_manifest_fails_with_a_reason()
    {
        string directory = _folder.Folder("empty");

        ManifestCheck check = ManifestVerifier.Verify(directory);

        Assert.False(check.Ok);
        Assert.StartsWith("manifest.json: missing", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_the_manifest_twice_gives_identical_bytes()
    {
        string directory = LockedRun().Directory;
        byte[] first = File.ReadAllBytes(Path.Combine(directory, "manifest.json"));

        ManifestWriter.Write(directory, [_folder.File("bars-run.csv")], ConfigSha);

        Assert.Equal(first, File.ReadAllBytes(Path.Combine(directory, "manifest.json")));
    }
}
