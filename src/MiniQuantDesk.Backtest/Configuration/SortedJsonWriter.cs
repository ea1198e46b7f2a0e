using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// Writes a tree of sorted dictionaries, lists and scalars as canonical JSON: keys in ordinal order (the sorted
/// dictionaries guarantee it), no whitespace, one trailing newline. The same tree always gives the same bytes, so
/// the text can be hashed. Shared by the settings and the promotion record.
/// </summary>
internal static class SortedJsonWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = false,

        // Files, not HTML: keep '+', '&' and non-ASCII readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A new object whose keys are kept in ordinal order.</summary>
    public static SortedDictionary<string, object?> Object() => new(StringComparer.Ordinal);

    /// <summary>Writes <paramref name="root"/> and the trailing newline.</summary>
    public static string Write(SortedDictionary<string, object?> root)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, s_options))
        {
            WriteValue(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The lowercase hex SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case SortedDictionary<string, object?> members:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, object?> member in members)
                {
                    writer.WritePropertyName(member.Key);
                    WriteValue(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<object?> items:
                writer.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} has no canonical JSON form; convert it to text first.", nameof(value));
        }
    }
}
