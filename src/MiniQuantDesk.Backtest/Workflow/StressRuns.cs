using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>Stress runs from profiles, and back from a run folder's stress.json.</summary>
public static class StressRuns
{
    /// <summary>Each profile applied on top of <paramref name="baseline"/>.</summary>
    public static IReadOnlyList<StressRun> From(BacktestSettings baseline, IReadOnlyList<StressProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return [.. profiles.Select(p => new StressRun(p.Name, SettingsResolver.ApplyStress(baseline, p)))];
    }

    /// <summary>The stress runs recorded in <paramref name="directory"/>'s stress.json (none without one).</summary>
    public static IReadOnlyList<StressRun> Read(string directory)
    {
        string path = Path.Combine(directory, BacktestJob.StressFileName);
        return [.. Entries(directory).Select(e => new StressRun(e.Name, CanonicalSettingsJson.Read(e.Config, $"{path} ({e.Name})")))];
    }

    /// <summary>The canonical settings text of each stress run recorded in <paramref name="directory"/>, in order.</summary>
    public static IReadOnlyList<string> ConfigsOf(string directory) => [.. Entries(directory).Select(e => e.Config)];

    private static IEnumerable<(string Name, string Config)> Entries(string directory)
    {
        string path = Path.Combine(directory, BacktestJob.StressFileName);
        if (!File.Exists(path))
        {
            yield break;
        }

        JsonArray profiles = JsonNode.Parse(File.ReadAllText(path))?["profiles"]?.AsArray()
            ?? throw new InvalidDataException($"{path}: no 'profiles' list.");
        foreach (JsonNode? profile in profiles)
        {
            string name = profile?["name"]?.GetValue<string>() ?? throw new InvalidDataException($"{path}: a profile without a name.");
            string config = profile?["config"]?.GetValue<string>() ?? throw new InvalidDataException($"{path}: profile {name} records no config.");
            yield return (name, config);
        }
    }
}
