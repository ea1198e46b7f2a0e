using System.Text.Json;
using System.Text.Json.Nodes;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>
/// <c>manifest.json</c>, the lock on an artifact folder:
/// <code>{"config_sha256":"…","files":{"equity.csv":"…",…},"format":1,"inputs":[{"path":"…","sha256":"…"}],"tool":"mqd"}</code>
/// <c>files</c> holds the SHA-256 of every file in the folder (relative paths with <c>/</c>, sorted) except the
/// manifest itself and <c>promotion.json</c>, which is written after the manifest.
/// </summary>
/// <param name="Files">Relative file name → lowercase hex SHA-256, sorted by ordinal name.</param>
/// <param name="Inputs">The run's inputs, sorted by path.</param>
/// <param name="ConfigSha256">The SHA-256 of the resolved canonical configuration.</param>
public sealed record ArtifactManifest(
    IReadOnlyList<KeyValuePair<string, string>> Files,
    IReadOnlyList<ManifestInput> Inputs,
    string ConfigSha256)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The promotion record, written after the manifest and so not listed in it.</summary>
    public const string PromotionFileName = "promotion.json";

    /// <summary>The tool that writes artifact folders.</summary>
    public const string Tool = "mqd";

    /// <summary>The manifest format this code writes and reads.</summary>
    public const int Format = 1;

    /// <summary>The canonical text of the manifest, ending in <c>\n</c>.</summary>
    public string ToText()
    {
        JsonObject files = [];
        foreach (KeyValuePair<string, string> file in Files)
        {
            files[file.Key] = file.Value;
        }

        JsonArray inputs = [];
        foreach (ManifestInput input in Inputs)
        {
            inputs.Add(new JsonObject { ["path"] = input.Path, ["sha256"] = input.Sha256 });
        }

        return CanonicalJson.Serialize(new JsonObject
        {
            ["config_sha256"] = ConfigSha256,
            ["files"] = files,
            ["format"] = Format,
            ["inputs"] = inputs,
            ["tool"] = Tool,
        });
    }

    /// <summary>Reads the manifest of <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">The folder has no manifest.</exception>
    /// <exception cref="InvalidDataException">The manifest is not a format-1 mqd manifest.</exception>
    public static ArtifactManifest Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{FileName}: missing from {directory}; is this an artifact folder written by mqd backtest --out?", path);
        }

        try
        {
            JsonObject root = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject
                ?? throw new InvalidDataException($"{FileName}: not a JSON object.");
            if (root["tool"]?.GetValue<string>() != Tool || root["format"]?.GetValue<int>() != Format)
            {
                throw new InvalidDataException($"{FileName}: not a format-{Format} {Tool} manifest.");
            }

            List<KeyValuePair<string, string>> files = [];
            foreach (KeyValuePair<string, JsonNode?> file in root["files"] as JsonObject ?? throw new InvalidDataException($"{FileName}: no files object."))
            {
                files.Add(new(file.Key, file.Value?.GetValue<string>() ?? throw new InvalidDataException($"{FileName}: {file.Key} has no hash.")));
            }

            files.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
            List<ManifestInput> inputs = [];
            foreach (JsonNode? input in root["inputs"] as JsonArray ?? throw new InvalidDataException($"{FileName}: no inputs array."))
            {
                inputs.Add(new ManifestInput(
                    input?["path"]?.GetValue<string>() ?? throw new InvalidDataException($"{FileName}: an input has no path."),
                    input["sha256"]?.GetValue<string>() ?? throw new InvalidDataException($"{FileName}: an input has no sha256.")));
            }

            string config = root["config_sha256"]?.GetValue<string>() ?? throw new InvalidDataException($"{FileName}: no config_sha256.");
            return new ArtifactManifest(files, inputs, config);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{FileName}: not a valid manifest ({exception.Message}).", exception);
        }
    }

    /// <summary>The files of <paramref name="directory"/> a manifest covers: every file below it, as a relative path
    /// with <c>/</c>, except the manifest and the promotion record at the top; sorted by ordinal name.</summary>
    public static List<string> CoveredFiles(string directory)
    {
        List<string> names = [];
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            if (name is not (FileName or PromotionFileName))
            {
                names.Add(name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
