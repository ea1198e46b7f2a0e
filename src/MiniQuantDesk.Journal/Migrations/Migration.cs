using System.Security.Cryptography;
using System.Text;

namespace MiniQuantDesk.Journal.Migrations;

/// <summary>One SQL migration: <c>Migrations/Sql/NNNN_name.sql</c>, applied once, in version order.</summary>
public sealed record Migration
{
    /// <summary>Creates a migration; the checksum is the SHA-256 of <paramref name="sql"/> with LF line ends.</summary>
    /// <param name="version">Its number, the file name's leading digits; positive.</param>
    /// <param name="name">The rest of the file name, without extension.</param>
    /// <param name="file">The file it came from, for messages.</param>
    /// <param name="sql">The statements, run in one transaction.</param>
    public Migration(int version, string name, string file, string sql)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentNullException.ThrowIfNull(sql);
        Version = version;
        Name = name;
        File = file;
        Sql = sql;
        // Line ends normalised so that a checkout with CRLF line ends does not look like an edited migration.
        string normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        Checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>Its number; migrations apply in ascending order.</summary>
    public int Version { get; }

    /// <summary>Its name (the file name after the number).</summary>
    public string Name { get; }

    /// <summary>The file it came from, e.g. <c>Migrations/Sql/0001_journal_schema.sql</c>.</summary>
    public string File { get; }

    /// <summary>The SQL text.</summary>
    public string Sql { get; }

    /// <summary>Lower-case hex SHA-256 of the SQL text.</summary>
    public string Checksum { get; }
}
