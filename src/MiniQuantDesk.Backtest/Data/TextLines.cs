namespace MiniQuantDesk.Backtest.Data;

/// <summary>
/// Walks the lines of a text without allocating: LF or CRLF breaks, a byte-order mark ignored, and blank lines at
/// the end of the text dropped (editors add them; they are not rows). A blank line before other content is
/// returned, so the reader can refuse it as a row.
/// </summary>
internal ref struct TextLines
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    /// <summary>Starts at the first line of <paramref name="text"/>.</summary>
    public TextLines(ReadOnlySpan<char> text)
    {
        _text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        _position = 0;
        LineNumber = 0;
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line without its break; false at the end (or when only blank lines remain).</summary>
    public bool TryNext(out ReadOnlySpan<char> line)
    {
        ReadOnlySpan<char> rest = _text[_position..];
        if (rest.IsEmpty || rest.IsWhiteSpace())
        {
            _position = _text.Length;
            line = default;
            return false;
        }

        int end = rest.IndexOf('\n');
        if (end < 0)
        {
            line = rest;
            _position = _text.Length;
        }
        else
        {
            line = rest[..end];
            _position += end + 1;
        }

        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        LineNumber++;
        return true;
    }
}
