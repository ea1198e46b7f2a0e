namespace MiniQuantDesk.Backtest.Tests.Configuration;

/// <summary>Finds the repository's <c>config/</c> folder from the test binaries.</summary>
internal static class RepositoryConfig
{
    public static string Folder(string relative)
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "config", relative);
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"config/{relative} not found above {AppContext.BaseDirectory}");
    }
}
