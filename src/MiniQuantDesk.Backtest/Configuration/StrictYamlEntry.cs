using System.Globalization;
using MiniQuantDesk.Engine.Numerics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// One key of a strict YAML file and the typed readings of its value. A value of the wrong shape or out of range
/// is refused with the file, the line, the key and what is allowed; decimals are read from their exact text.
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value's node.</param>
/// <param name="Line">The key's 1-based line.</param>
internal sealed record StrictYamlEntry(string Key, YamlNode Value, long Line)
{
    /// <summary>Non-empty text.</summary>
    public string Text(string source, string allowed)
    {
        if (Value is YamlScalarNode scalar && !IsNull(scalar))
        {
            return scalar.Value!;
        }

        throw Refuse(source, allowed);
    }

    /// <summary>One of <paramref name="choices"/>, exactly.</summary>
    public string Choice(string source, IReadOnlyList<string> choices)
    {
        string allowed = "one of " + string.Join(", ", choices);
        string text = Text(source, allowed);
        return choices.Contains(text, StringComparer.Ordinal) ? text : throw Refuse(source, allowed);
    }

    /// <summary><c>true</c> or <c>false</c> (not yes/no/on/off, which YAML 1.1 readers take differently).</summary>
    public bool Boolean(string source)
    {
        const string Allowed = "true or false";
        return Text(source, Allowed) switch
        {
            "true" => true,
            "false" => false,
            _ => throw Refuse(source, Allowed),
        };
    }

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public long Integer(string source, long minimum, long maximum)
    {
        string allowed = string.Create(CultureInfo.InvariantCulture, $"a whole number from {minimum} to {maximum}");
        string text = Text(source, allowed);
        bool parsed = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value);
        return parsed && value >= minimum && value <= maximum ? value : throw Refuse(source, allowed);
    }

    /// <summary>A decimal with at most six places, as micros, in [<paramref name="minimumMicros"/>,
    /// <paramref name="maximumMicros"/>]; <paramref name="allowed"/> describes the range for the error.</summary>
    public long Micros(string source, long minimumMicros, long maximumMicros, string allowed)
    {
        string text = Text(source, allowed);
        NumericError error = DecimalText.TryParseMicros(text, out long micros, out bool rounded);
        return error == NumericError.None && !rounded && micros >= minimumMicros && micros <= maximumMicros
            ? micros
            : throw Refuse(source, allowed);
    }

    /// <summary>A decimal that is a whole number of 1/<paramref name="unitsPerOne"/> (percent: 100, basis points:
    /// 10000), returned in those units, in [0, <paramref name="maximumUnits"/>].</summary>
    public int Scaled(string source, int unitsPerOne, int maximumUnits, string allowed)
    {
        long microsPerUnit = Engine.Numerics.Micros.PerUnit / unitsPerOne;
        long micros = Micros(source, 0, checked(maximumUnits * microsPerUnit), allowed);
        return micros % microsPerUnit == 0 ? (int)(micros / microsPerUnit) : throw Refuse(source, allowed);
    }

    /// <summary>A list of non-empty text items.</summary>
    public IReadOnlyList<string> TextList(string source, string allowed)
    {
        if (Value is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            throw Refuse(source, allowed);
        }

        List<string> items = [];
        foreach (YamlNode item in sequence.Children)
        {
            if (item is not YamlScalarNode scalar || IsNull(scalar))
            {
                throw new ConfigurationException(source, item.Start.Line, Key, $"{Key}: every item must be {allowed}");
            }

            items.Add(scalar.Value!);
        }

        return items;
    }

    /// <summary>A mapping of names to whole numbers; names must match <paramref name="isValidName"/>.</summary>
    public IReadOnlyDictionary<string, long> IntegerMapping(string source, Func<string, bool> isValidName, string allowed)
    {
        if (Value is not YamlMappingNode mapping)
        {
            throw Refuse(source, allowed);
        }

        SortedDictionary<string, long> values = new(StringComparer.Ordinal);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } name } || !isValidName(name))
            {
                throw new ConfigurationException(source, pair.Key.Start.Line, Key, $"{Key}: a name must be {allowed}");
            }

            StrictYamlEntry inner = new($"{Key}.{name}", pair.Value, pair.Key.Start.Line);
            if (!values.TryAdd(name, inner.Integer(source, long.MinValue, long.MaxValue)))
            {
                throw new ConfigurationException(source, pair.Key.Start.Line, inner.Key, $"{inner.Key} appears twice; keep one");
            }
        }

        return values;
    }

    /// <summary>The error for this key's value: where it is, what it was, what is allowed.</summary>
    public ConfigurationException Refuse(string source, string allowed)
    {
        string shown = Value is YamlScalarNode scalar && !IsNull(scalar) ? $"'{scalar.Value}'" : Describe(Value);
        return new ConfigurationException(source, Value.Start.Line > 0 ? Value.Start.Line : Line, Key, $"{Key}: {shown} is not allowed; expected {allowed}");
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Value is null
        || (scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode => "an empty value",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "this value",
    };
}
