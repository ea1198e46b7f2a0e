using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public sealed class UsageErrorTests(SampleDataFixture sample) : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void A_backtest_with_out_but_no_folder_is_a_usage_error_naming_out()
    {
        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--out");

        run.AssertUsageError("--out");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.PathName));
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_naming_it_and_writes_nothing()
    {
        string output = _temp.Sub("run");

        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--out", output, "--bogus");

        run.AssertUsageError("--bogus");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_unknown_cost_model_is_a_usage_error_naming_the_valid_ones()
    {
        string output = _temp.Sub("run");

        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--out", output, "--costs", "bogus");

        run.AssertUsageError("bogus", "conservative", "none");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_naming_it()
    {
        MqdRun run = Mqd.Run("frobnicate");

        run.AssertUsageError("frobnicate");
    }

    [Fact]
    public void Verify_without_a_folder_is_a_usage_error()
    {
        MqdRun run = Mqd.Run("verify");

        run.AssertUsageError("DIR");
    }

    public void Dispose() => _temp.Dispose();
}
