using System.CommandLine;
using System.Globalization;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Cli.Commands;

/// <summary><c>mqd strategies</c>: what can be run, with every parameter.</summary>
internal static class StrategiesCommand
{
    public static Command Create()
    {
        var command = new Command("strategies", "List the strategies and their parameters (name, default, range)");
        command.SetAction(_ =>
        {
            foreach (StrategyDescriptor descriptor in StrategyCatalog.All)
            {
                Console.WriteLine($"{descriptor.Name}: {descriptor.Description}");
                foreach (StrategyParameter parameter in descriptor.Parameters)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  --param {parameter.Name}=N   {parameter.Description} (default {parameter.DefaultValue}, {parameter.Minimum}..{parameter.Maximum})"));
                }
            }

            return 0;
        });
        return command;
    }
}
