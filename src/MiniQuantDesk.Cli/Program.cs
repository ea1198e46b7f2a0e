using System.CommandLine;
using MiniQuantDesk.Cli.Commands;

namespace MiniQuantDesk.Cli;

/// <summary>The entry point of <c>mqd</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line; see <c>mqd --help</c>.</summary>
    /// <returns>0 on success; 1 when a run was refused, failed, did not verify or was not promoted; 2 on a usage
    /// error.</returns>
    public static int Main(string[] args)
    {
        ParseResult parsed = Build().Parse(args);
        if (parsed.Errors.Count == 0)
        {
            return parsed.Invoke();
        }

        foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
        {
            Console.Error.WriteLine($"error: {error.Message}");
        }

        Console.Error.WriteLine("Run 'mqd --help' (or 'mqd COMMAND --help') for the commands and options.");
        return 2;
    }

    /// <summary>The command tree (tests parse with it too).</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "MiniQuantDesk: a risk-first trading runtime. The research side: deterministic backtests through the same " +
            "pipeline as live, hash-locked artifacts, verification and promotion.")
        {
            BacktestCommand.Create(),
            SampleDataCommand.Create(),
            VerifyCommand.Create(),
            PromoteCommand.Create(),
            StrategiesCommand.Create(),
            DbCommand.Create(),
            RunCommand.Create(),
            DispatchCommand.Create(),
        };
        return root;
    }
}
