using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>
/// Checks an <c>events.jsonl</c> written by <see cref="EventLogWriter"/>. Each line must be exactly the canonical text
/// of its content (so no byte can change without notice), carry its own correct hash (edits), count on from the line
/// before (<c>seq</c>: insertions, deletions, moves) and name that line's hash as <c>prev</c> (the chain); the last
/// line must be the <c>log_end</c> seal counting the events before it (lines cut from the end).
/// </summary>
public static class EventLogVerifier
{
    /// <summary>Verifies the log at <paramref name="path"/> and names the first bad line.</summary>
    public static EventLogCheck Verify(string path) => Verify(File.ReadAllBytes(path));

    /// <summary>Verifies the bytes of a log.</summary>
    public static EventLogCheck Verify(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return EventLogCheck.BadAt(1, "the log is empty: it has no log_end seal (the run did not finish or the log was truncated)");
        }

        string previousHash = EventLogWriter.GenesisHash;
        int lineNumber = 0;
        int start = 0;
        ParsedLine? last = null;
        while (start < content.Length)
        {
            lineNumber++;
            int end = Array.IndexOf(content, (byte)'\n', start);
            if (end < 0)
            {
                return EventLogCheck.BadAt(lineNumber, "the line does not end with a line break: the file was cut short or appended to");
            }

            if (last is { Type: EventLogWriter.EndType })
            {
                return EventLogCheck.BadAt(lineNumber, "a line follows the log_end seal: lines were appended after the log was closed");
            }

            if (Parse(content.AsSpan(start, end - start), out ParsedLine line) is string malformed)
            {
                return EventLogCheck.BadAt(lineNumber, malformed);
            }

            if (CheckLine(line, lineNumber, previousHash) is string problem)
            {
                return EventLogCheck.BadAt(lineNumber, problem);
            }

            previousHash = line.Hash;
            last = line;
            start = end + 1;
        }

        if (last is not { Type: EventLogWriter.EndType } seal)
        {
            return EventLogCheck.BadAt(lineNumber + 1, "the log_end seal is missing: lines were removed from the end, or the run did not finish");
        }

        string expectedCount = (seal.Sequence - 1).ToString(CultureInfo.InvariantCulture);
        bool countMatches = seal.Fields.Count == 1
            && seal.Fields.TryGetValue(EventLogWriter.EndCountField, out string? count)
            && count == expectedCount;
        return countMatches
            ? EventLogCheck.Intact
            : EventLogCheck.BadAt(lineNumber, $"the log_end seal must count {expectedCount} events");
    }

    private static string? CheckLine(ParsedLine line, int lineNumber, string previousHash)
    {
        (string canonical, string hash) = EventLogWriter.Compose(line.Sequence, line.Prev, line.Type, line.TimeNs, line.Fields);
        if (!string.Equals(hash, line.Hash, StringComparison.Ordinal))
        {
            return "the hash does not match the line's content: the line was edited";
        }

        if (line.Sequence != lineNumber)
        {
            return $"seq is {line.Sequence.ToString(CultureInfo.InvariantCulture)} where {lineNumber.ToString(CultureInfo.InvariantCulture)} was expected: a line was inserted, removed or moved";
        }

        if (!string.Equals(line.Prev, previousHash, StringComparison.Ordinal))
        {
            return lineNumber == 1
                ? "prev must be 64 zeros on the first line"
                : "prev does not match the hash of the line before: the chain is broken (a line was replaced, inserted or moved)";
        }

        if (!line.Text.SequenceEqual(ArtifactFile.Utf8.GetBytes(canonical)))
        {
            return "the line is not in canonical form (keys, spacing, escaping or time text changed): the line was edited";
        }

        return null;
    }

    private static string? Parse(ReadOnlySpan<byte> text, out ParsedLine line)
    {
        line = default;
        JsonObject? obj;
        try
        {
            _ = ArtifactFile.Utf8.GetCharCount(text);
            obj = JsonNode.Parse(text) as JsonObject;
        }
        catch (Exception exception) when (exception is JsonException or DecoderFallbackException or ArgumentException)
        {
            return "the line is not valid JSON: it was edited or corrupted";
        }

        if (obj is null)
        {
            return "the line is not a JSON object";
        }

        try
        {
            Dictionary<string, string> fields = new(StringComparer.Ordinal);
            if (obj["fields"] is not JsonObject fieldObject)
            {
                return "the line has no fields object";
            }

            foreach (KeyValuePair<string, JsonNode?> field in fieldObject)
            {
                fields.Add(field.Key, field.Value?.GetValue<string>() ?? throw new InvalidOperationException("null field"));
            }

            line = new ParsedLine(
                text.ToArray(),
                Required(obj, "seq").GetValue<long>(),
                Required(obj, "prev").GetValue<string>(),
                Required(obj, "hash").GetValue<string>(),
                Required(obj, "type").GetValue<string>(),
                Required(obj, "time_ns").GetValue<long>(),
                fields);
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            return $"the line does not have the event log's shape ({exception.Message})";
        }
    }

    private static JsonValue Required(JsonObject obj, string key) =>
        obj[key] as JsonValue ?? throw new KeyNotFoundException($"no '{key}'");

    private readonly record struct ParsedLine(
        byte[] Text,
        long Sequence,
        string Prev,
        string Hash,
        string Type,
        long TimeNs,
        Dictionary<string, string> Fields);
}
