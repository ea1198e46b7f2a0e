namespace MiniQuantDesk.Crash.Tests.Support;

/// <summary>
/// Finds the child's build output next to this test assembly's: the test project references the child (without
/// referencing its assembly), so building the tests builds it into
/// <c>tests/MiniQuantDesk.CrashChild/bin/{configuration}/{framework}/</c>.
/// </summary>
internal static class CrashChildLocator
{
    public const string AssemblyName = "MiniQuantDesk.CrashChild.dll";

    /// <summary>The child's .dll, for <c>dotnet &lt;path&gt;</c>.</summary>
    /// <exception cref="FileNotFoundException">It was not built where it should be; the message says where it looked.</exception>
    public static string Find()
    {
        // …/tests/MiniQuantDesk.Crash.Tests/bin/{configuration}/{framework}/MiniQuantDesk.Crash.Tests.dll
        var testDirectory = new DirectoryInfo(Path.GetDirectoryName(typeof(CrashChildLocator).Assembly.Location)!);
        string framework = testDirectory.Name;
        string? configuration = testDirectory.Parent?.Name;
        DirectoryInfo? testsRoot = testDirectory.Parent?.Parent?.Parent?.Parent;
        var tried = new List<string>();
        if (configuration is not null && testsRoot is not null)
        {
            string candidate = Path.Combine(testsRoot.FullName, "MiniQuantDesk.CrashChild", "bin", configuration, framework, AssemblyName);
            tried.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        string beside = Path.Combine(testDirectory.FullName, AssemblyName);
        tried.Add(beside);
        if (File.Exists(beside))
        {
            return beside;
        }

        throw new FileNotFoundException(
            $"The crash child {AssemblyName} was not found (looked at: {string.Join(", ", tried)}). Build it with " +
            "'dotnet build tests/MiniQuantDesk.CrashChild' in the same configuration as the tests (the test project references it, so 'dotnet test' on the test project builds it).",
            AssemblyName);
    }
}
