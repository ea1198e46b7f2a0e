namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// Configuration that cannot be used: the message names the file and line where there is one, the key, and what
/// is allowed, so that a person can fix it without reading code.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the error with no detail.</summary>
    public ConfigurationException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and the error underneath.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error for a place in a file.</summary>
    /// <param name="source">The file (as the user named it).</param>
    /// <param name="line">The 1-based line, or 0 when the error is not at one line.</param>
    /// <param name="key">The key concerned, or null.</param>
    /// <param name="problem">What is wrong and what is allowed.</param>
    /// <param name="innerException">The error underneath, or null.</param>
    public ConfigurationException(string source, long line, string? key, string problem, Exception? innerException = null)
        : base(Compose(source, line, problem), innerException)
    {
        ConfigurationFile = source;
        Line = line;
        Key = key;
    }

    /// <summary>The file the problem is in, as the user named it, or null.</summary>
    public string? ConfigurationFile { get; }

    /// <summary>The 1-based line of the problem, or 0.</summary>
    public long Line { get; }

    /// <summary>The key concerned, or null.</summary>
    public string? Key { get; }

    private static string Compose(string source, long line, string problem) =>
        line > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{source} line {line}: {problem}")
            : $"{source}: {problem}";
}
