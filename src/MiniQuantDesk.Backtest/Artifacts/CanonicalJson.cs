using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>
/// One text for one JSON value, so that its hash means something: object keys sorted by ordinal comparison, no
/// whitespace, strings escaped minimally (quote, backslash and control characters only; other characters as
/// UTF-8), numbers as their exact text. <see cref="Serialize"/> adds the final <c>\n</c> a file ends with;
/// <see cref="SerializeLine"/> does not.
/// <para>
/// Numbers: a value made by <see cref="Number(string)"/>, <see cref="Money"/> or <see cref="Ratio"/> (or parsed
/// from text) keeps its text exactly; integers print as integers; a <see cref="double"/> prints in its shortest
/// round-trip form and NaN or infinity is refused.
/// </para>
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical text of <paramref name="node"/>, ending in <c>\n</c>.</summary>
    public static string Serialize(JsonNode? node) => SerializeLine(node) + "\n";

    /// <summary>The canonical text of <paramref name="node"/> on one line, without a final <c>\n</c>.</summary>
    public static string SerializeLine(JsonNode? node)
    {
        StringBuilder text = new();
        Append(text, node);
        return text.ToString();
    }

    /// <summary>The lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Sha256Hex(ArtifactFile.Utf8.GetBytes(text));
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256Hex(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>A JSON number with exactly the text <paramref name="text"/>, e.g. <c>117622.7</c>.</summary>
    /// <exception cref="ArgumentException">The text is not a JSON number.</exception>
    public static JsonNode Number(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"'{text}' is not a JSON number.", nameof(text), exception);
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? node
            : throw new ArgumentException($"'{text}' is not a JSON number.", nameof(text));
    }

    /// <summary>Money as a JSON number with its exact decimal text (<see cref="DecimalText.FormatMicros(long)"/>).</summary>
    public static JsonNode Money(long micros) => Number(DecimalText.FormatMicros(micros));

    /// <summary>A ratio as a JSON number rounded half away from zero to 6 decimals, without trailing zeros
    /// (<c>0.1235</c>, <c>-2</c>, <c>0</c>); the text depends only on the value, never on the machine.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public static JsonNode Ratio(double value) => Number(RatioText(value));

    /// <summary>The text <see cref="Ratio"/> writes.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public static string RatioText(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"A ratio must be finite, not {value.ToString(CultureInfo.InvariantCulture)}.", nameof(value));
        }

        // Through decimal: exact for a double rounded to 6 places, and it never prints an exponent.
        decimal rounded = Math.Round((decimal)value, 6, MidpointRounding.AwayFromZero);
        return rounded == 0m ? "0" : rounded.ToString("0.######", CultureInfo.InvariantCulture);
    }

    private static void Append(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                AppendObject(text, obj);
                break;
            case JsonArray array:
                text.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Append(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonValue value:
                AppendValue(text, value);
                break;
            default:
                throw new ArgumentException($"Unknown JSON node {node.GetType().Name}.", nameof(node));
        }
    }

    private static void AppendObject(StringBuilder text, JsonObject obj)
    {
        List<KeyValuePair<string, JsonNode?>> members = [.. obj];
        members.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        text.Append('{');
        for (int i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            AppendString(text, members[i].Key);
            text.Append(':');
            Append(text, members[i].Value);
        }

        text.Append('}');
    }

    private static void AppendValue(StringBuilder text, JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            AppendElement(text, element);
            return;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                AppendString(text, value.GetValue<string>());
                return;
            case JsonValueKind.True:
                text.Append("true");
                return;
            case JsonValueKind.False:
                text.Append("false");
                return;
            case JsonValueKind.Null:
                text.Append("null");
                return;
            case JsonValueKind.Number:
                text.Append(NumberText(value));
                return;
            default:
                throw new ArgumentException($"A JSON value of kind {value.GetValueKind()} cannot be written canonically.", nameof(value));
        }
    }

    private static string NumberText(JsonValue value)
    {
        if (value.TryGetValue(out long integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        if (value.TryGetValue(out int small))
        {
            return small.ToString(CultureInfo.InvariantCulture);
        }

        if (value.TryGetValue(out decimal exact))
        {
            return exact.ToString(CultureInfo.InvariantCulture);
        }

        if (value.TryGetValue(out double real))
        {
            return double.IsFinite(real)
                ? real.ToString("R", CultureInfo.InvariantCulture)
                : throw new ArgumentException($"JSON has no {real.ToString(CultureInfo.InvariantCulture)}.", nameof(value));
        }

        // Any other numeric type: its invariant text through the framework's own writer.
        return value.ToJsonString();
    }

    private static void AppendElement(StringBuilder text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                AppendObject(text, JsonObject.Create(element)!);
                break;
            case JsonValueKind.Array:
                Append(text, JsonArray.Create(element));
                break;
            case JsonValueKind.String:
                AppendString(text, element.GetString()!);
                break;
            case JsonValueKind.Number:
                text.Append(element.GetRawText());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
