using System.Text;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>Writes and hashes artifact files. Every artifact is UTF-8 without a byte order mark with <c>\n</c> line
/// endings, so that the same run gives the same bytes on every machine.</summary>
public static class ArtifactFile
{
    /// <summary>UTF-8 without a byte order mark, throwing on unpaired surrogates instead of replacing them.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without BOM, replacing the file.</summary>
    /// <exception cref="ArgumentException">The text contains a carriage return: artifacts use <c>\n</c> only.</exception>
    public static void WriteText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{Path.GetFileName(path)}: artifact text must use \\n line endings only, found \\r.", nameof(text));
        }

        File.WriteAllBytes(path, Utf8.GetBytes(text));
    }

    /// <summary>The lowercase hex SHA-256 of a file's bytes.</summary>
    public static string Sha256OfFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
