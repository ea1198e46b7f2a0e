using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Promotion;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Promotion;

/// <summary><c>mqd promote</c> passes only a verified, stressed run that meets the policy, and records every check
/// with its evidence either way.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PromoteTests(SampleDataFixture sample) : IDisposable
{
    private static readonly string[] s_checks =
    [
        "hash_verified", "min_sharpe", "max_drawdown", "min_trades", "min_profit_factor", "stress:high-latency",
        "stress:partial-fills", "stress:slippage-x2",
    ];

    private readonly TempFolder _temp = new();

    private string Output => _temp.Sub("run");

    [Fact]
    public void A_stressed_run_on_sample_data_is_promoted_with_every_check_and_its_evidence()
    {
        Backtest("--stress", "all").AssertSucceeded();

        MqdRun promote = Mqd.Run("promote", Output);

        promote.AssertSucceeded();
        Assert.Contains("PROMOTED: ", promote.Out, StringComparison.Ordinal);
        JsonNode record = Promotion();
        Assert.True(record["passed"]!.GetValue<bool>());
        Assert.Equal(s_checks, Checks(record).Select(c => c["name"]!.GetValue<string>()));
        Assert.All(Checks(record), check =>
        {
            Assert.True(check["passed"]!.GetValue<bool>(), check.ToJsonString());
            Assert.False(string.IsNullOrWhiteSpace(check["evidence"]!.GetValue<string>()), check.ToJsonString());
            Assert.False(string.IsNullOrWhiteSpace(check["threshold"]!.GetValue<string>()), check.ToJsonString());
        });
        Assert.NotNull(record["policy"]);
    }

    [Fact]
    public void A_promoted_run_still_verifies_with_promotion_json_beside_it()
    {
        Backtest("--stress", "all").AssertSucceeded();
        Mqd.Run("promote", Output).AssertSucceeded();

        Mqd.Run("verify", Output).AssertSucceeded();
    }

    [Fact]
    public void A_run_without_stress_is_not_promoted_and_its_stress_checks_fail()
    {
        Backtest().AssertSucceeded();

        MqdRun promote = Mqd.Run("promote", Output);

        Assert.True(promote.ExitCode == 1, promote.ToString());
        Assert.Contains("NOT PROMOTED: ", promote.Out, StringComparison.Ordinal);
        JsonNode record = Promotion();
        Assert.False(record["passed"]!.GetValue<bool>());
        JsonNode[] stress = [.. Checks(record).Where(c => c["name"]!.GetValue<string>().StartsWith("stress:", StringComparison.Ordinal))];
        Assert.Equal(3, stress.Length);
        Assert.All(stress, check =>
        {
            Assert.False(check["passed"]!.GetValue<bool>());
            Assert.Contains("was not run", check["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.True(Check(record, "hash_verified")["passed"]!.GetValue<bool>());
    }

    [Fact]
    public void A_tampered_run_is_not_promoted_and_its_hash_check_fails_naming_the_file()
    {
        Backtest("--stress", "all").AssertSucceeded();
        RunFolder.FlipOneByte(Path.Combine(Output, "trades.csv"));

        MqdRun promote = Mqd.Run("promote", Output);

        Assert.True(promote.ExitCode == 1, promote.ToString());
        JsonNode hash = Check(Promotion(), "hash_verified");
        Assert.False(hash["passed"]!.GetValue<bool>());
        Assert.Contains("trades.csv", hash["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Promotion()["passed"]!.GetValue<bool>());
    }

    [Fact]
    public void A_run_that_misses_the_policy_is_not_promoted_naming_the_failing_threshold()
    {
        Backtest("--stress", "all").AssertSucceeded();
        string policy = _temp.Write("strict.yaml", "min_trades: 1000\n");

        MqdRun promote = Mqd.Run("promote", Output, "--policy", policy);

        Assert.True(promote.ExitCode == 1, promote.ToString());
        JsonNode trades = Check(Promotion(), "min_trades");
        Assert.False(trades["passed"]!.GetValue<bool>());
        Assert.Contains("1000", trades["threshold"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_file_with_an_unknown_key_is_refused_naming_its_line_and_the_valid_keys()
    {
        Backtest("--stress", "all").AssertSucceeded();
        string policy = _temp.Write("policy.yaml", "min_sharpe: 0.5\nmin_sharp: 1\n");

        MqdRun promote = Mqd.Run("promote", Output, "--policy", policy);

        promote.AssertRefused([$"{policy} line 2", "'min_sharp'", .. PromotionPolicyYaml.ValidKeys]);
        Assert.False(File.Exists(Path.Combine(Output, ArtifactManifest.PromotionFileName)));
    }

    private MqdRun Backtest(params string[] extra) =>
        Mqd.Run(["backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply", "--out", Output, .. extra]);

    private JsonNode Promotion()
    {
        string path = Path.Combine(Output, ArtifactManifest.PromotionFileName);
        Assert.True(File.Exists(path), $"{path} was not written");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static IEnumerable<JsonNode> Checks(JsonNode record) => record["checks"]!.AsArray().Select(c => c!);

    private static JsonNode Check(JsonNode record, string name) => Checks(record).Single(c => c["name"]!.GetValue<string>() == name);

    public void Dispose() => _temp.Dispose();
}
