using System.Text;

namespace MiniQuantDesk.Cli.Tests.BadRows;

/// <summary>
/// A small daily bar file cut from the sample data with bad rows placed among good ones; it remembers each bad
/// row's line (the header is line 1) and the words its refusal must contain.
/// </summary>
internal sealed class BadRowFile
{
    private readonly List<string> _lines;
    private readonly List<(int Line, string Row, string Reason)> _bad = [];

    private BadRowFile(string header) => _lines = [header];

    /// <summary>The bad rows written, with their lines and the expected reason.</summary>
    public IReadOnlyList<(int Line, string Row, string Reason)> Bad => _bad;

    /// <summary>The first <paramref name="count"/> good rows of <paramref name="samplePath"/>.</summary>
    public static string[] GoodRows(string samplePath, int count) => [.. File.ReadLines(samplePath).Skip(1).Take(count)];

    public static BadRowFile Start(string samplePath) => new(File.ReadLines(samplePath).First());

    public BadRowFile Good(IEnumerable<string> rows)
    {
        _lines.AddRange(rows);
        return this;
    }

    public BadRowFile BadRow(string row, string reason)
    {
        _lines.Add(row);
        _bad.Add((_lines.Count, row, reason));
        return this;
    }

    public string Write(string path)
    {
        File.WriteAllText(path, string.Join('\n', _lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>One kind of bad row made from the good rows around it: <paramref name="good"/> are the rows
    /// written so far, <paramref name="next"/> the good row it replaces.</summary>
    public static (string Row, string Reason) Make(string kind, IReadOnlyList<string> good, string next)
    {
        string[] fields = next.Split(',');
        return kind switch
        {
            "non-numeric" => ($"{fields[0]},abc,{fields[2]},{fields[3]},{fields[4]},{fields[5]}", "open 'abc' is not a number"),
            "missing field" => (string.Join(',', fields[..5]), "expected 6 fields"),
            "high below low" => ($"{fields[0]},1.5,1,2,1.5,{fields[5]}", "high 1 < low 2"),
            "duplicate" => (good[^1], "duplicate timestamp"),
            "backwards" => (good[0], "timestamp goes backwards"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind of bad row"),
        };
    }
}
