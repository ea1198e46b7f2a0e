using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public sealed class HelpTests
{
    [Fact]
    public void Mqd_help_exits_0_and_lists_every_command()
    {
        MqdRun run = Mqd.Run("--help");

        run.AssertSucceeded();
        foreach (string command in (string[])["backtest", "sample-data", "verify", "promote", "strategies", "db"])
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("backtest", "--data --symbol --strategy --param --cash --costs --config --stress --stress-dir --corporate-actions --corporate-actions-mode --fill-timing --latency-bars --skip-bad-rows --out")]
    [InlineData("sample-data", "--out")]
    [InlineData("verify", "<DIR>")]
    [InlineData("promote", "<DIR> --policy")]
    [InlineData("strategies", "--help")]
    [InlineData("db", "migrate status")]
    [InlineData("db migrate", "--help")]
    [InlineData("db status", "--help")]
    public void Every_command_help_exits_0_and_lists_its_options(string command, string options)
    {
        MqdRun run = Mqd.Run([.. command.Split(' '), "--help"]);

        run.AssertSucceeded();
        // In-process the root command is named after the test host, so the usage line is matched past the name.
        Assert.Matches($@"Usage:\s+\S+ {command}", run.Out);
        foreach (string option in options.Split(' '))
        {
            Assert.True(run.Out.Contains(option, StringComparison.Ordinal), $"help of {command} does not list {option}.\n{run}");
        }
    }

    [Fact]
    public void Strategies_lists_every_strategy_with_every_parameter()
    {
        MqdRun run = Mqd.Run("strategies");

        run.AssertSucceeded();
        foreach (string expected in (string[])["sma-cross", "breakout", "--param fast=N", "--param slow=N", "--param entry=N", "--param exit=N", "--param qty=N"])
        {
            Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        }
    }
}
