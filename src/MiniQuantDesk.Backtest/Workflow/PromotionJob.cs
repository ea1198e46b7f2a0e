using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Promotion;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>
/// <c>mqd promote DIR</c>: passes only a run that verifies (hashes and re-run), whose stress suite ran and passed, and
/// whose metrics meet the policy. Writes promotion.json with every check and its evidence, pass or fail.
/// </summary>
public static class PromotionJob
{
    /// <summary>Evaluates the run in <paramref name="directory"/> against <paramref name="policy"/> and writes
    /// promotion.json there.</summary>
    public static PromotionResult Run(string directory, PromotionPolicy policy, Action<string, long, long>? progress)
    {
        ArgumentNullException.ThrowIfNull(policy);
        VerifyOutcome verified = RunVerifier.Verify(directory, progress);
        IReadOnlyDictionary<string, double> baseline = new Dictionary<string, double>();
        var stress = new List<StressOutcome>();
        if (verified.HashesIntact)
        {
            baseline = Numbers(JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "metrics.json"))));
            string stressPath = Path.Combine(directory, BacktestJob.StressFileName);
            if (File.Exists(stressPath))
            {
                foreach (JsonNode? profile in JsonNode.Parse(File.ReadAllText(stressPath))?["profiles"]?.AsArray() ?? [])
                {
                    stress.Add(new StressOutcome(profile?["name"]?.GetValue<string>() ?? string.Empty, Numbers(profile?["metrics"])));
                }
            }
        }

        PromotionResult result = new PromotionEvaluator(policy).Evaluate(new PromotionInputs(verified.Ok, verified.Evidence, baseline, stress));
        ArtifactFile.WriteText(Path.Combine(directory, ArtifactManifest.PromotionFileName), PromotionJson.Serialize(result, policy));
        return result;
    }

    /// <summary>The numeric members of a metrics object; nulls and text are left out (a missing metric fails its
    /// check, by the evaluator's rule).</summary>
    private static Dictionary<string, double> Numbers(JsonNode? node)
    {
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        if (node is JsonObject metrics)
        {
            foreach (KeyValuePair<string, JsonNode?> member in metrics)
            {
                if (member.Value is JsonValue value && value.TryGetValue(out double number))
                {
                    numbers[member.Key] = number;
                }
            }
        }

        return numbers;
    }
}
