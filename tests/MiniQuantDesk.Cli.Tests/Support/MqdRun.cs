namespace MiniQuantDesk.Cli.Tests.Support;

/// <summary>What one in-process <c>mqd</c> invocation did: its exit code and everything it wrote.</summary>
/// <param name="ExitCode">0 ok, 1 refused / failed / halted, 2 usage error.</param>
/// <param name="Out">Everything written to stdout, the Spectre tables included.</param>
/// <param name="Error">Everything written to stderr.</param>
public sealed record MqdRun(int ExitCode, string Out, string Error)
{
    /// <summary>For assertion messages: the whole exchange.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";

    /// <summary>Asserts a refusal a person can act on: exit 1, one "error:" line on stderr naming every
    /// <paramref name="fragments"/>, and no stack trace (which would mean an unhandled exception, i.e. a bug).</summary>
    public void AssertRefused(params string[] fragments)
    {
        Assert.True(ExitCode == 1, ToString());
        Assert.True(Error.StartsWith("error: ", StringComparison.Ordinal), ToString());
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        foreach (string fragment in fragments)
        {
            Assert.True(Error.Contains(fragment, StringComparison.Ordinal), $"stderr does not name '{fragment}'.\n{this}");
        }
    }

    /// <summary>Asserts a usage error (exit 2) whose stderr names every one of <paramref name="fragments"/>.</summary>
    public void AssertUsageError(params string[] fragments)
    {
        Assert.True(ExitCode == 2, ToString());
        foreach (string fragment in fragments)
        {
            Assert.True(Error.Contains(fragment, StringComparison.Ordinal), $"stderr does not name '{fragment}'.\n{this}");
        }
    }

    /// <summary>Asserts exit 0 with nothing on stderr.</summary>
    public void AssertSucceeded()
    {
        Assert.True(ExitCode == 0, ToString());
        Assert.True(Error.Length == 0, ToString());
    }
}
