namespace MiniQuantDesk.Backtest.Data;

/// <summary>
/// A data file a backtest reads (bars, corporate actions) is wrong at a line a person can open and fix. The message
/// names the file, the line (1-based; the header is line 1; 0 when the problem is the whole file) and the reason.
/// </summary>
public class DataFileException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/> of <paramref name="file"/>.</summary>
    /// <param name="file">The file as the user named it.</param>
    /// <param name="line">The 1-based line, or 0 for the whole file.</param>
    /// <param name="reason">What is wrong, for people.</param>
    public DataFileException(string file, int line, string reason)
        : this(file, line, reason, Where(file, line) + reason)
    {
    }

    /// <summary>Creates the exception with a message only (no file or line).</summary>
    public DataFileException()
        : this("The data file is not valid.")
    {
    }

    /// <summary>Creates the exception with a message only (no file or line).</summary>
    public DataFileException(string message)
        : base(message)
    {
        File = "";
        Reason = message;
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Reason = message;
    }

    /// <summary>For derived types that add to the message.</summary>
    protected DataFileException(string file, int line, string reason, string message)
        : base(message)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The 1-based line (the header is line 1), or 0 when the problem is the whole file.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Reason { get; }

    /// <summary><c>file line n: </c>, or <c>file: </c> for the whole file.</summary>
    protected static string Where(string file, int line) =>
        line > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file} line {line}: ") : file + ": ";
}
