using System.Text.Json.Nodes;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>
/// Writes <c>events.jsonl</c>, a hash-chained event log: one canonical JSON object per line (<see cref="CanonicalJson"/>),
/// <code>{"fields":{...},"hash":"…","prev":"…","seq":1,"time":"1990-07-18T09:30:00-04:00","time_ns":…,"type":"fill"}</code>
/// <list type="bullet">
/// <item><c>seq</c> counts lines from 1;</item>
/// <item><c>prev</c> is the previous line's <c>hash</c> (64 zeros on the first line), which chains the lines;</item>
/// <item><c>hash</c> is the lowercase hex SHA-256 of the canonical line without its <c>hash</c> key.</item>
/// </list>
/// <see cref="Close"/> seals the log with a last <c>log_end</c> line that counts the events, so that lines removed
/// from the end are detected too: a log without its seal was cut short (or its run did not finish).
/// <see cref="EventLogVerifier"/> checks all of this.
/// </summary>
public sealed class EventLogWriter : IDisposable
{
    /// <summary>The <c>prev</c> of the first line.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The type of the sealing last line.</summary>
    public const string EndType = "log_end";

    /// <summary>The field of the sealing line that counts the events before it.</summary>
    public const string EndCountField = "events";

    private static readonly byte[] s_newLine = [(byte)'\n'];

    private readonly FileStream _stream;
    private string _previousHash = GenesisHash;
    private long _sequence;
    private long _lastTimeNs;
    private bool _sealed;

    /// <summary>Creates (or replaces) the log file at <paramref name="path"/>.</summary>
    public EventLogWriter(string path)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
    }

    /// <summary>The number of lines written.</summary>
    public long Count => _sequence;

    /// <summary>Appends one event and returns its line's hash.</summary>
    /// <param name="type">The event type, e.g. <c>order</c>, <c>fill</c>, <c>halt</c>; not <see cref="EndType"/>.</param>
    /// <param name="timeNs">Event time, UTC nanoseconds since the Unix epoch.</param>
    /// <param name="fields">The event's fields, written with sorted keys.</param>
    /// <exception cref="InvalidOperationException">The log is already sealed.</exception>
    public string Append(string type, long timeNs, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(fields);
        if (type == EndType)
        {
            throw new ArgumentException($"'{EndType}' is the seal written by Close, not an event type.", nameof(type));
        }

        return WriteLine(type, timeNs, fields);
    }

    /// <summary>Seals the log with its <see cref="EndType"/> line (at the last event's time) and closes the file.
    /// Calling it again does nothing.</summary>
    public void Close()
    {
        if (_sealed)
        {
            return;
        }

        Dictionary<string, string> count = new(StringComparer.Ordinal)
        {
            [EndCountField] = _sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        WriteLine(EndType, _lastTimeNs, count);
        _sealed = true;
        _stream.Flush();
        _stream.Dispose();
    }

    /// <summary>Closes the file without sealing it when <see cref="Close"/> was not called: an unfinished run's log
    /// then reads as unsealed, which is the truth.</summary>
    public void Dispose()
    {
        _sealed = true;
        _stream.Dispose();
    }

    /// <summary>The canonical line (without <c>\n</c>) and its hash, for a given position in a chain.</summary>
    internal static (string Line, string Hash) Compose(long sequence, string previousHash, string type, long timeNs, IReadOnlyDictionary<string, string> fields)
    {
        JsonObject fieldObject = [];
        foreach (KeyValuePair<string, string> field in fields)
        {
            fieldObject[field.Key] = field.Value;
        }

        JsonObject line = new()
        {
            ["fields"] = fieldObject,
            ["prev"] = previousHash,
            ["seq"] = sequence,
            ["time"] = ArtifactTime.Format(timeNs),
            ["time_ns"] = timeNs,
            ["type"] = type,
        };
        string hash = CanonicalJson.Sha256Hex(CanonicalJson.SerializeLine(line));
        line["hash"] = hash;
        return (CanonicalJson.SerializeLine(line), hash);
    }

    private string WriteLine(string type, long timeNs, IReadOnlyDictionary<string, string> fields)
    {
        ObjectDisposedException.ThrowIf(_sealed, this);
        long sequence = _sequence + 1;
        (string line, string hash) = Compose(sequence, _previousHash, type, timeNs, fields);
        _stream.Write(ArtifactFile.Utf8.GetBytes(line));
        _stream.Write(s_newLine);
        _sequence = sequence;
        _previousHash = hash;
        _lastTimeNs = timeNs;
        return hash;
    }
}
