using System.Text.Json;
using MiniQuantDesk.Backtest.Promotion;

namespace MiniQuantDesk.Backtest.Tests.Promotion;

/// <summary>The promotion record is canonical JSON holding the decision, every check with its evidence, and the policy.</summary>
public sealed class PromotionJsonTests
{
    [Fact]
    public void The_record_holds_the_decision_every_check_in_order_and_the_policy_as_exact_text()
    {
        PromotionResult result = new(false,
        [
            new PromotionCheck("hash_verified", true, "all 9 hashes match", "every artifact hash verified by mqd verify"),
            new PromotionCheck("min_sharpe", false, "sharpe 0.3", "sharpe >= 0.5"),
        ]);

        string json = PromotionJson.Serialize(result, PromotionPolicy.Default);

        Assert.Equal(
            """{"checks":[{"evidence":"all 9 hashes match","name":"hash_verified","passed":true,"threshold":"every artifact hash verified by mqd verify"},{"evidence":"sharpe 0.3","name":"min_sharpe","passed":false,"threshold":"sharpe >= 0.5"}],"passed":false,"policy":{"max_drawdown":"0.25","max_stress_return_drop":"0.5","min_profit_factor":"1.1","min_sharpe":"0.5","min_trades":20,"require_stress":true}}""" + "\n",
            json);
    }

    [Fact]
    public void An_evaluated_result_serializes_the_same_way_twice_with_every_check()
    {
        PromotionInputs inputs = new(true, "ok", new Dictionary<string, double> { [MetricNames.Sharpe] = 0.7 }, []);
        PromotionResult result = new PromotionEvaluator(PromotionPolicy.Default).Evaluate(inputs);

        string json = PromotionJson.Serialize(result, PromotionPolicy.Default);

        Assert.Equal(json, PromotionJson.Serialize(new PromotionEvaluator(PromotionPolicy.Default).Evaluate(inputs), PromotionPolicy.Default));
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(result.Checks.Count, document.RootElement.GetProperty("checks").GetArrayLength());
        Assert.False(document.RootElement.GetProperty("passed").GetBoolean());
        Assert.Contains("max_drawdown missing from the metrics", json, StringComparison.Ordinal);
    }
}
