using System.Globalization;

namespace MiniQuantDesk.Journal.Postgres;

/// <summary>
/// The PostgreSQL server programs the embedded cluster runs: <c>initdb</c> and <c>pg_ctl</c>, found together in one
/// folder (pg_ctl starts the <c>postgres</c> beside it).
/// </summary>
/// <param name="Directory">The folder holding both programs.</param>
public sealed record PostgresBinaries(string Directory)
{
    /// <summary>Where Debian and Ubuntu install the server binaries of each major version.</summary>
    public const string DebianVersionsRoot = "/usr/lib/postgresql";

    /// <summary>Full path of <c>initdb</c>.</summary>
    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>Full path of <c>pg_ctl</c>.</summary>
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// The folders searched by default, in order: each folder on <c>PATH</c>, then
    /// <c>/usr/lib/postgresql/*/bin</c> highest major version first (Debian keeps server binaries off PATH).
    /// </summary>
    public static IReadOnlyList<string> DefaultSearchDirectories()
    {
        var directories = new List<string>();
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (!string.IsNullOrEmpty(path))
        {
            directories.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        if (System.IO.Directory.Exists(DebianVersionsRoot))
        {
            directories.AddRange(System.IO.Directory.GetDirectories(DebianVersionsRoot)
                .Select(versionFolder => (Folder: versionFolder, Version: MajorVersionOf(versionFolder)))
                .OrderByDescending(candidate => candidate.Version)
                .ThenByDescending(candidate => candidate.Folder, StringComparer.Ordinal)
                .Select(candidate => Path.Combine(candidate.Folder, "bin")));
        }

        return directories;
    }

    /// <summary>The first folder of <paramref name="searchDirectories"/> that holds both initdb and pg_ctl.</summary>
    /// <exception cref="PostgresBinariesNotFoundException">No folder holds them.</exception>
    public static PostgresBinaries Locate(IReadOnlyList<string> searchDirectories)
    {
        ArgumentNullException.ThrowIfNull(searchDirectories);
        foreach (string directory in searchDirectories)
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return new PostgresBinaries(directory);
            }
        }

        throw new PostgresBinariesNotFoundException(searchDirectories);
    }

    private static int MajorVersionOf(string versionFolder) =>
        int.TryParse(Path.GetFileName(versionFolder), NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            ? major
            : -1;
}
