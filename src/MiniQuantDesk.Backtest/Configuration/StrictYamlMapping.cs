using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// The top-level mapping of one YAML configuration file, with its keys' line numbers, read strictly: one document,
/// a mapping at the top, plain text keys, no key twice. Every error names the file and the line.
/// </summary>
internal sealed class StrictYamlMapping
{
    private StrictYamlMapping(string source, IReadOnlyList<StrictYamlEntry> entries)
    {
        Source = source;
        Entries = entries;
    }

    /// <summary>The file as the user named it (used in every error message).</summary>
    public string Source { get; }

    /// <summary>The key/value pairs in file order.</summary>
    public IReadOnlyList<StrictYamlEntry> Entries { get; }

    /// <summary>Reads a file; an empty file (or only comments) is an empty mapping.</summary>
    /// <exception cref="ConfigurationException">The file is missing or is not one YAML mapping.</exception>
    public static StrictYamlMapping Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, 0, null, $"cannot be read ({error.Message})", error);
        }

        return Parse(text, path);
    }

    /// <summary>Parses YAML text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">The text is not one YAML mapping with distinct text keys.</exception>
    public static StrictYamlMapping Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            // YamlDotNet reports a repeated key as a YamlException at the key's mark, like a syntax error.
            throw new ConfigurationException(source, error.Start.Line, null, $"not valid YAML: {error.Message}", error);
        }

        if (stream.Documents.Count == 0)
        {
            return new StrictYamlMapping(source, []);
        }

        if (stream.Documents.Count > 1)
        {
            throw new ConfigurationException(source, stream.Documents[1].RootNode.Start.Line, null, "holds more than one YAML document; use one mapping of keys");
        }

        YamlNode root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" })
        {
            return new StrictYamlMapping(source, []);
        }

        if (root is not YamlMappingNode mapping)
        {
            throw new ConfigurationException(source, root.Start.Line, null, "the file must be a mapping of keys (key: value lines)");
        }

        List<StrictYamlEntry> entries = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                throw new ConfigurationException(source, pair.Key.Start.Line, null, "a key must be plain text");
            }

            if (!seen.Add(key))
            {
                throw new ConfigurationException(source, pair.Key.Start.Line, key, $"key '{key}' appears twice; keep one");
            }

            entries.Add(new StrictYamlEntry(key, pair.Value, pair.Key.Start.Line));
        }

        return new StrictYamlMapping(source, entries);
    }

    /// <summary>Refuses the first key that is not in <paramref name="validKeys"/>, listing the valid ones.</summary>
    /// <exception cref="ConfigurationException">A key is unknown.</exception>
    public void RefuseUnknownKeys(IReadOnlyCollection<string> validKeys)
    {
        foreach (StrictYamlEntry entry in Entries)
        {
            if (!validKeys.Contains(entry.Key))
            {
                string valid = string.Join(", ", validKeys.Order(StringComparer.Ordinal));
                throw new ConfigurationException(Source, entry.Line, entry.Key, $"unknown key '{entry.Key}'; valid keys: {valid}");
            }
        }
    }

    /// <summary>The entry for <paramref name="key"/>, or null when the file does not set it.</summary>
    public StrictYamlEntry? Find(string key) => Entries.FirstOrDefault(entry => entry.Key == key);
}
