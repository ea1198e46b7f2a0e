using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>
/// Reads a promotion policy file strictly (unknown keys and bad values refused with file, line and what is
/// allowed); a key the file leaves out keeps its <see cref="PromotionPolicy.Default"/> value.
/// </summary>
public static class PromotionPolicyYaml
{
    /// <summary>Every key a policy file may hold, sorted.</summary>
    public static IReadOnlyList<string> ValidKeys { get; } =
    [
        "max_drawdown", "max_stress_return_drop", "min_profit_factor", "min_sharpe", "min_trades", "require_stress",
    ];

    /// <summary>Loads a policy file.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read, holds an unknown key or a bad value.</exception>
    public static PromotionPolicy Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(StrictYamlMapping.Load(path));
    }

    /// <summary>Parses policy text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">The text holds an unknown key or a bad value.</exception>
    public static PromotionPolicy Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        return Read(StrictYamlMapping.Parse(yaml, source));
    }

    private static PromotionPolicy Read(StrictYamlMapping mapping)
    {
        mapping.RefuseUnknownKeys(ValidKeys);
        string source = mapping.Source;
        PromotionPolicy policy = PromotionPolicy.Default;
        foreach (StrictYamlEntry entry in mapping.Entries)
        {
            policy = entry.Key switch
            {
                "min_sharpe" => policy with { MinSharpe = Decimal(entry, source, -100, 100, "a decimal from -100 to 100, e.g. 0.5") },
                "max_drawdown" => policy with { MaxDrawdown = Decimal(entry, source, 0, 1, "a fraction from 0 to 1, e.g. 0.25") },
                "min_trades" => policy with { MinTrades = (int)entry.Integer(source, 0, 1_000_000) },
                "min_profit_factor" => policy with { MinProfitFactor = Decimal(entry, source, 0, 1000, "a decimal from 0 to 1000, e.g. 1.1") },
                "max_stress_return_drop" => policy with { MaxStressReturnDrop = Decimal(entry, source, 0, 10, "a fraction of the baseline return from 0 to 10, e.g. 0.5") },
                "require_stress" => policy with { RequireStress = entry.Boolean(source) },
                _ => policy,
            };
        }

        return policy;
    }

    // Exact: the text becomes micros (no floating point), then a decimal with the same digits.
    private static decimal Decimal(StrictYamlEntry entry, string source, long minimum, long maximum, string allowed)
    {
        long micros = entry.Micros(source, Micros.FromUnits(minimum), Micros.FromUnits(maximum), allowed);
        return micros / (decimal)Micros.PerUnit;
    }
}
