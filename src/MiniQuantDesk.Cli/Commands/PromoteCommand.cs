using System.CommandLine;
using MiniQuantDesk.Backtest.Promotion;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Cli.Output;
using Spectre.Console;

namespace MiniQuantDesk.Cli.Commands;

/// <summary><c>mqd promote DIR [--policy FILE]</c>.</summary>
internal static class PromoteCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "A folder written by mqd backtest (with --stress all)" };
        var policy = new Option<string?>("--policy") { Description = "Promotion policy YAML (default: config/promotion/default.yaml's values, built in)", HelpName = "FILE.yaml" };
        var command = new Command("promote", "Pass a run only if it verifies, its stress suite ran and passed, and its metrics meet the policy; writes promotion.json with every check")
        {
            directory,
            policy,
        };
        command.SetAction(result => CommandFailure.Guard(() =>
        {
            string path = result.GetValue(directory)!;
            PromotionPolicy chosen = result.GetValue(policy) is { } file ? PromotionPolicyYaml.Load(file) : PromotionPolicy.Default;
            PromotionResult outcome = RunProgress.Show(CommandFailure.Interactive, progress => PromotionJob.Run(path, chosen, progress));
            AnsiConsole.Write(SummaryTables.Promotion(outcome));
            Console.WriteLine($"{(outcome.Passed ? "PROMOTED" : "NOT PROMOTED")}: {Path.Combine(Path.GetFullPath(path), "promotion.json")}");
            return outcome.Passed ? 0 : CommandFailure.Failed;
        }));
        return command;
    }
}
