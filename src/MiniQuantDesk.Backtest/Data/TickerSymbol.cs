namespace MiniQuantDesk.Backtest.Data;

/// <summary>The symbols a data file may name: upper-case ASCII letters, digits, <c>.</c> and <c>-</c> (BRK.B, BF-B).</summary>
internal static class TickerSymbol
{
    /// <summary>The longest symbol accepted; anything longer is surely not one.</summary>
    public const int MaxLength = 16;

    /// <summary>True for a well-formed symbol.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The symbol a file name implies: the name up to the first <c>_</c> (<c>MSFT_1d_adj.csv</c> is MSFT),
    /// or the name without its extension when it has no <c>_</c>.</summary>
    public static string FromFileName(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        int underscore = name.IndexOf('_', StringComparison.Ordinal);
        return underscore >= 0 ? name[..underscore] : System.IO.Path.GetFileNameWithoutExtension(name);
    }
}
