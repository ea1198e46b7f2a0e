using System.Text.Json;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// Typed, strict reads of one JSON object's members for the canonical formats: a member of the wrong kind is
/// refused with the file and the key's path, never coerced.
/// </summary>
internal readonly struct JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly string _source;
    private readonly string? _path;

    /// <summary>Wraps <paramref name="element"/>, which must be an object.</summary>
    /// <param name="element">The object.</param>
    /// <param name="source">The file, for errors.</param>
    /// <param name="path">The object's key path (null at the root), for errors.</param>
    public JsonObjectReader(JsonElement element, string source, string? path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigurationException(source, 0, path, $"{path ?? "the document"} must be a JSON object");
        }

        _element = element;
        _source = source;
        _path = path;
    }

    /// <summary>Refuses a missing, an unknown or a repeated member.</summary>
    public void RequireExactly(IReadOnlyCollection<string> keys)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            if (!keys.Contains(property.Name))
            {
                throw Refuse(property.Name, $"is not a known key; valid keys: {string.Join(", ", keys)}");
            }

            if (!seen.Add(property.Name))
            {
                throw Refuse(property.Name, "appears twice");
            }
        }

        foreach (string key in keys)
        {
            _ = Member(key);
        }
    }

    /// <summary>A nested object.</summary>
    public JsonObjectReader Object(string key) => new(Member(key), _source, PathOf(key));

    /// <summary>A whole number from 0 to <paramref name="maximum"/>.</summary>
    public long Integer(string key, long maximum)
    {
        JsonElement value = Member(key);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) && number >= 0 && number <= maximum
            ? number
            : throw Refuse(key, $"must be a whole number from 0 to {maximum}");
    }

    /// <summary>Exact decimal text as micros.</summary>
    public long Micros(string key)
    {
        string text = Text(key);
        return DecimalText.TryParseMicros(text, out long micros, out bool rounded) == NumericError.None && !rounded
            ? micros
            : throw Refuse(key, "must be decimal text with at most six decimals");
    }

    /// <summary>A string.</summary>
    public string Text(string key)
    {
        JsonElement value = Member(key);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Refuse(key, "must be a string");
    }

    /// <summary>A string or null.</summary>
    public string? OptionalText(string key) => Member(key).ValueKind == JsonValueKind.Null ? null : Text(key);

    /// <summary>One of <paramref name="choices"/>.</summary>
    public string Choice(string key, IReadOnlyList<string> choices)
    {
        string text = Text(key);
        return choices.Contains(text, StringComparer.Ordinal) ? text : throw Refuse(key, "must be one of " + string.Join(", ", choices));
    }

    /// <summary>true or false.</summary>
    public bool Boolean(string key) => Member(key).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Refuse(key, "must be true or false"),
    };

    /// <summary>A list of strings.</summary>
    public IReadOnlyList<string> TextList(string key)
    {
        JsonElement value = Member(key);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Refuse(key, "must be a list of strings");
        }

        List<string> items = [];
        foreach (JsonElement item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Refuse(key, "must be a list of strings"));
        }

        return items;
    }

    /// <summary>Every member as a whole number (of any sign), sorted by name.</summary>
    public IReadOnlyDictionary<string, long> AllIntegers()
    {
        SortedDictionary<string, long> values = new(StringComparer.Ordinal);
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            bool valid = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out long number)
                && values.TryAdd(property.Name, number);
            if (!valid)
            {
                throw Refuse(property.Name, "must be a whole number, once");
            }
        }

        return values;
    }

    private JsonElement Member(string key) =>
        _element.TryGetProperty(key, out JsonElement value) ? value : throw Refuse(key, "is missing");

    private string PathOf(string key) => _path is null ? key : $"{_path}.{key}";

    private ConfigurationException Refuse(string key, string problem) =>
        new(_source, 0, PathOf(key), $"{PathOf(key)} {problem}");
}
