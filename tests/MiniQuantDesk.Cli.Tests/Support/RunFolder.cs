using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Cli.Tests.Support;

/// <summary>Reading an artifact folder the way a user would: its files' bytes, its CSV rows.</summary>
internal static class RunFolder
{
    /// <summary>The artifact files every backtest with <c>--stress</c> writes, besides the manifest.</summary>
    public static readonly string[] Artifacts =
    [
        "config.json", "orders.csv", "fills.csv", "trades.csv", "equity.csv", "metrics.json", "events.jsonl", "report.html",
        "stress.json",
    ];

    /// <summary>Every file below <paramref name="directory"/> by relative name, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string directory)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(directory, file)] = File.ReadAllBytes(file);
        }

        return files;
    }

    /// <summary>Asserts that two snapshots hold the same names with the same bytes.</summary>
    public static void AssertSame(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (KeyValuePair<string, byte[]> file in expected)
        {
            Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} changed");
        }
    }

    /// <summary>The data rows of a CSV artifact (header dropped), split on commas (no artifact field used here
    /// holds one).</summary>
    public static List<string[]> Rows(string directory, string fileName) =>
        [.. File.ReadAllLines(Path.Combine(directory, fileName)).Skip(1).Select(line => line.Split(','))];

    /// <summary>Copies a run folder (flat) into <paramref name="target"/>, which must not exist.</summary>
    public static void CopyTo(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    /// <summary>Flips one bit of the byte in the middle of <paramref name="path"/>.</summary>
    public static void FlipOneByte(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The manifest's file names.</summary>
    public static List<string> ManifestFiles(string directory) => [.. ArtifactManifest.Read(directory).Files.Select(f => f.Key)];
}
