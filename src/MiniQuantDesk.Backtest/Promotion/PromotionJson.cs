using System.Globalization;
using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>
/// The promotion record as canonical JSON: the decision, every check with its evidence and threshold (in the
/// evaluator's order), and the policy it was judged against; keys sorted, no whitespace, a trailing newline.
/// </summary>
public static class PromotionJson
{
    /// <summary>The canonical JSON text of <paramref name="result"/> under <paramref name="policy"/>.</summary>
    public static string Serialize(PromotionResult result, PromotionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(policy);
        List<object?> checks = [];
        foreach (PromotionCheck check in result.Checks)
        {
            SortedDictionary<string, object?> member = SortedJsonWriter.Object();
            member["evidence"] = check.Evidence;
            member["name"] = check.Name;
            member["passed"] = check.Passed;
            member["threshold"] = check.Threshold;
            checks.Add(member);
        }

        SortedDictionary<string, object?> policyMembers = SortedJsonWriter.Object();
        policyMembers["max_drawdown"] = Text(policy.MaxDrawdown);
        policyMembers["max_stress_return_drop"] = Text(policy.MaxStressReturnDrop);
        policyMembers["min_profit_factor"] = Text(policy.MinProfitFactor);
        policyMembers["min_sharpe"] = Text(policy.MinSharpe);
        policyMembers["min_trades"] = policy.MinTrades;
        policyMembers["require_stress"] = policy.RequireStress;

        SortedDictionary<string, object?> root = SortedJsonWriter.Object();
        root["checks"] = checks;
        root["passed"] = result.Passed;
        root["policy"] = policyMembers;
        return SortedJsonWriter.Write(root);
    }

    private static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
