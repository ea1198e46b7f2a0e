using System.CommandLine;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Cli.Output;

namespace MiniQuantDesk.Cli.Commands;

/// <summary><c>mqd verify DIR</c>.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "A folder written by mqd backtest" };
        var command = new Command("verify", "Check every artifact against the manifest, re-run from the manifest's inputs and config, and report identical or the first differing file")
        {
            directory,
        };
        command.SetAction(result => CommandFailure.Guard(() =>
        {
            string path = result.GetValue(directory)!;
            VerifyOutcome outcome = RunProgress.Show(CommandFailure.Interactive, progress => RunVerifier.Verify(path, progress));
            Console.WriteLine(outcome.Ok ? $"VERIFIED {path}: {outcome.Evidence}" : $"NOT VERIFIED {path}: {outcome.Evidence}");
            return outcome.Ok ? 0 : CommandFailure.Failed;
        }));
        return command;
    }
}
