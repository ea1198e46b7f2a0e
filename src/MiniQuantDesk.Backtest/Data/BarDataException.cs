namespace MiniQuantDesk.Backtest.Data;

/// <summary>
/// A bar CSV file has a bad row, or cannot be read as bars at all. A bad row's message ends with the way out:
/// <c>MSFT_1d.csv line 8112: high 101.2 &lt; low 101.35 (pass --skip-bad-rows to skip such rows and list them in the
/// artifacts)</c>; a problem with the whole file (header, no bars, timeframe) has no such hint, since skipping rows
/// would not help.
/// </summary>
public sealed class BarDataException : DataFileException
{
    /// <summary>The hint appended to a bad row's message.</summary>
    public const string SkipHint = "(pass --skip-bad-rows to skip such rows and list them in the artifacts)";

    /// <summary>Creates the exception for a bad row: the message carries the skip hint.</summary>
    /// <param name="file">The file as the user named it.</param>
    /// <param name="line">The 1-based line; the header is line 1.</param>
    /// <param name="reason">What is wrong with the row.</param>
    public BarDataException(string file, int line, string reason)
        : base(file, line, reason, Where(file, line) + reason + " " + SkipHint)
    {
    }

    /// <summary>Creates the exception with a message only (no file or line).</summary>
    public BarDataException()
    {
    }

    /// <summary>Creates the exception with a message only (no file or line).</summary>
    public BarDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public BarDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private BarDataException(string file, int line, string reason, string message)
        : base(file, line, reason, message)
    {
    }

    /// <summary>A problem with the whole file, or one that skipping rows cannot cure (header, mixed daily and
    /// intraday rows, no bars): the message has no skip hint.</summary>
    /// <param name="file">The file as the user named it.</param>
    /// <param name="line">The 1-based line it shows at, or 0 for the whole file.</param>
    /// <param name="reason">What is wrong.</param>
    public static BarDataException ForFile(string file, int line, string reason) =>
        new(file, line, reason, Where(file, line) + reason);
}
