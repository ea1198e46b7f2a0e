using System.CommandLine;
using MiniQuantDesk.Backtest.Data;

namespace MiniQuantDesk.Cli.Commands;

/// <summary><c>mqd sample-data</c>: a deterministic synthetic data set to try everything on.</summary>
internal static class SampleDataCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the sample files into", Required = true, HelpName = "DIR" };
        var command = new Command(
            "sample-data",
            "Write a seeded synthetic data set: a random walk over real NYSE sessions, daily bars 2014-2023 (unadjusted, one 2:1 split) and minute bars for 2023, with its corporate actions file")
        {
            output,
        };
        command.SetAction(result => CommandFailure.Guard(() =>
        {
            SampleDataFiles files = SampleDataGenerator.Write(result.GetValue(output)!);
            foreach (string file in files.All)
            {
                Console.WriteLine($"wrote {file}");
            }

            Console.WriteLine();
            Console.WriteLine("Try:");
            Console.WriteLine($"  mqd backtest --data {files.DailyBars} --corporate-actions {files.CorporateActions} --corporate-actions-mode apply --strategy sma-cross --param fast=10 --param slow=30 --param qty=100 --out runs/sample");
            return 0;
        }));
        return command;
    }
}
