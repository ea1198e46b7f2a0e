using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Stress;

/// <summary>A run stressed with profiles from --stress-dir is a run like any other: it must verify.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CustomStressProfileTests(SampleDataFixture sample) : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void A_run_stressed_with_a_profile_from_stress_dir_verifies()
    {
        _temp.Write("profiles/wide-spread.yaml", "name: wide-spread\ndescription: Slippage tripled.\nslippage_multiplier: 3\n");
        string output = _temp.Sub("run");
        Mqd.Run("backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply",
            "--stress-dir", _temp.Sub("profiles"), "--stress", "all", "--out", output).AssertSucceeded();

        MqdRun verify = Mqd.Run("verify", output);

        verify.AssertSucceeded();
    }

    [Fact]
    public void A_run_stressed_with_a_custom_profile_named_like_a_built_in_one_verifies()
    {
        // Same name as the built-in, other content: re-running it with the built-in would silently test another run.
        _temp.Write("profiles/slippage-x2.yaml", "name: slippage-x2\ndescription: Slippage times five, whatever the name says.\nslippage_multiplier: 5\n");
        string output = _temp.Sub("run");
        Mqd.Run("backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply",
            "--stress-dir", _temp.Sub("profiles"), "--stress", "all", "--out", output).AssertSucceeded();

        MqdRun verify = Mqd.Run("verify", output);

        verify.AssertSucceeded();
    }

    public void Dispose() => _temp.Dispose();
}
