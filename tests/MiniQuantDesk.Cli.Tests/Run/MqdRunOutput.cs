using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Run;

/// <summary>Assertions on what one <c>mqd run</c> printed.</summary>
internal static class MqdRunOutput
{
    public static void Has(this MqdRun run, params string[] fragments)
    {
        foreach (string fragment in fragments)
        {
            Assert.True(run.Out.Contains(fragment, StringComparison.Ordinal), $"stdout does not contain '{fragment}'.\n{run}");
        }
    }
}
