using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace MiniQuantDesk.Journal.Migrations;

/// <summary>The migrations shipped inside this assembly (embedded <c>Migrations/Sql/NNNN_name.sql</c> files).</summary>
public static partial class MigrationCatalog
{
    private const string ResourcePrefix = "Migrations/Sql/";

    private static readonly Lazy<IReadOnlyList<Migration>> s_embedded = new(LoadEmbedded);

    /// <summary>Every embedded migration, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded => s_embedded.Value;

    /// <summary>
    /// Checks a list of migrations: positive, unique versions; returns it sorted by version.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two migrations share a version.</exception>
    public static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        Migration[] ordered = [.. migrations.OrderBy(migration => migration.Version)];
        for (int i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"{ordered[i - 1].File} and {ordered[i].File} share version {ordered[i].Version.ToString(CultureInfo.InvariantCulture)}; give each migration its own number");
            }
        }

        return ordered;
    }

    private static IReadOnlyList<Migration> LoadEmbedded()
    {
        Assembly assembly = typeof(MigrationCatalog).Assembly;
        var migrations = new List<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            string fileName = resource[ResourcePrefix.Length..];
            Match match = FileName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"{resource}: a migration file is named NNNN_name.sql (digits, underscore, lower-case name)");
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"{resource}: embedded resource missing");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                resource,
                reader.ReadToEnd()));
        }

        return Ordered(migrations);
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
