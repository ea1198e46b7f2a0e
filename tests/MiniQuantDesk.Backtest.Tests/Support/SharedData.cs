namespace MiniQuantDesk.Backtest.Tests.Support;

/// <summary>
/// Finds the reference data in <c>../shared/data</c> (or <c>MQD_SHARED_DATA</c>). The data is not the project's
/// own and is not in a user's clone: there, tests that need it are skipped with that reason. CI sets
/// <c>MQD_REQUIRE_SHARED_DATA=1</c>, and then missing data fails those tests instead.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> s_directory = new(Locate);

    /// <summary>The data folder, or null when it is not there.</summary>
    public static string? Directory => s_directory.Value;

    /// <summary>True when missing data must fail the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("MQD_REQUIRE_SHARED_DATA") == "1";

    /// <summary>Why the tests are skipped, or null when the data is there or required.</summary>
    public static string? SkipReason =>
        Directory is null && !Required
            ? "needs ../shared/data (the shared reference data beside the clone, or MQD_SHARED_DATA); a user's clone does not have it"
            : null;

    /// <summary>The full path of a file in the data folder.</summary>
    /// <exception cref="FileNotFoundException">The folder or the file is missing.</exception>
    public static string PathOf(string fileName)
    {
        string directory = Directory
            ?? throw new DirectoryNotFoundException("../shared/data is missing: CI requires the shared reference data beside the checkout (MQD_REQUIRE_SHARED_DATA=1).");
        string path = Path.Combine(directory, fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{fileName} is missing from {directory}.", path);
    }

    private static string? Locate()
    {
        string? configured = Environment.GetEnvironmentVariable("MQD_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        // From the test binaries (tests/X/bin/Debug/net10.0) up to the folder that holds both the clone and shared/.
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(folder.FullName, "shared", "ARCHITECTURE.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}
