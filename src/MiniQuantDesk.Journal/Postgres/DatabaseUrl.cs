using System.Globalization;
using Npgsql;

namespace MiniQuantDesk.Journal.Postgres;

/// <summary>
/// Reads the value of <c>MQK_DATABASE_URL</c>: either a URL, <c>postgres://user:password@host:port/database</c>
/// (<c>postgresql://</c> too; query parameters are Npgsql keywords, e.g. <c>?sslmode=require</c>), or an Npgsql
/// key=value connection string (<c>Host=...;Username=...</c>).
/// </summary>
public static class DatabaseUrl
{
    private const int DefaultPort = 5432;

    /// <summary>The Npgsql connection string that <paramref name="value"/> means.</summary>
    /// <exception cref="FormatException">The value is neither a valid URL nor a valid connection string; the
    /// message says which part is wrong and never repeats the password.</exception>
    public static string ToConnectionString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string text = value.Trim();
        if (text.Length == 0)
        {
            throw new FormatException($"{DatabaseLocator.DatabaseUrlVariable} is empty; unset it to use the embedded cluster");
        }

        return text.Contains("://", StringComparison.Ordinal) ? FromUrl(text) : FromKeyValues(text);
    }

    private static string FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "postgres" && uri.Scheme != "postgresql"))
        {
            throw new FormatException(
                $"{DatabaseLocator.DatabaseUrlVariable} is not a postgres:// URL (expected postgres://user:password@host:port/database)");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"{DatabaseLocator.DatabaseUrlVariable} names no host (expected postgres://user:password@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
        };

        if (uri.UserInfo.Length > 0)
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        string query = uri.Query.TrimStart('?');
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] keyValue = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(keyValue[0]);
            string parameterValue = keyValue.Length == 2 ? Uri.UnescapeDataString(keyValue[1]) : string.Empty;
            try
            {
                builder[key] = parameterValue;
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
            {
                throw new FormatException(
                    string.Create(CultureInfo.InvariantCulture, $"{DatabaseLocator.DatabaseUrlVariable}: query parameter '{key}' is not an Npgsql connection setting or has a bad value: {exception.Message}"),
                    exception);
            }
        }

        return builder.ConnectionString;
    }

    private static string FromKeyValues(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            throw new FormatException(
                $"{DatabaseLocator.DatabaseUrlVariable} is neither a postgres:// URL nor a valid key=value connection string: {exception.Message}",
                exception);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new FormatException($"{DatabaseLocator.DatabaseUrlVariable} names no Host (e.g. Host=localhost;Username=mqd;Database=mqd)");
        }

        return builder.ConnectionString;
    }
}
