using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// Reads a backtest configuration file (snake_case YAML) into a <see cref="SettingsOverlay"/>, strictly: a key is
/// either consumed or refused, and a value of the wrong type or out of range is refused with the file, the line,
/// the key and what is allowed. Decimals are read from their exact text, never through floating point.
/// </summary>
public static class SettingsYaml
{
    private const string CostsKey = "costs";

    private static readonly string[] s_costKeys =
    [
        "slippage_atr_bps", "slippage_cap_bps", "slippage_multiplier", "commission_per_share", "commission_bps",
        "min_commission", "max_volume_share",
    ];

    /// <summary>Every key a configuration file may hold, sorted.</summary>
    public static IReadOnlyList<string> ValidKeys { get; } =
    [
        "atr_period", "cash", "commission_bps", "commission_per_share", "corporate_actions", "corporate_actions_mode",
        "costs", "data", "fill_timing", "latency_bars", "max_volume_share", "min_commission", "params", "skip_bad_rows",
        "slippage_atr_bps", "slippage_cap_bps", "slippage_multiplier", "strategy", "symbol",
    ];

    /// <summary>Loads a configuration file; an empty file overrides nothing.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read, holds an unknown key or a bad value.</exception>
    public static SettingsOverlay Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(StrictYamlMapping.Load(path), ValidKeys);
    }

    /// <summary>Parses configuration text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">The text holds an unknown key or a bad value.</exception>
    public static SettingsOverlay Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        return Read(StrictYamlMapping.Parse(yaml, source), ValidKeys);
    }

    /// <summary>
    /// Reads the settings keys of <paramref name="mapping"/> after refusing any key outside
    /// <paramref name="validKeys"/>; keys in <paramref name="validKeys"/> that are not settings keys (a stress
    /// profile's <c>name</c>) are left to the caller.
    /// </summary>
    internal static SettingsOverlay Read(StrictYamlMapping mapping, IReadOnlyCollection<string> validKeys)
    {
        mapping.RefuseUnknownKeys(validKeys);
        string source = mapping.Source;
        SettingsOverlay overlay = SettingsOverlay.Empty;
        foreach (StrictYamlEntry entry in mapping.Entries)
        {
            overlay = Apply(overlay, entry, source);
        }

        RefuseCostsWithNoCostModel(mapping);
        return overlay;
    }

    private static SettingsOverlay Apply(SettingsOverlay overlay, StrictYamlEntry entry, string source) => entry.Key switch
    {
        "data" => overlay with { DataFiles = entry.TextList(source, "a list of bar file paths, e.g. [data/SPY_1d.csv]") },
        "symbol" => overlay with { Symbol = entry.Text(source, "a symbol, e.g. SPY") },
        "strategy" => overlay with { Strategy = entry.Text(source, "a strategy name, e.g. sma-cross") },
        "params" => overlay with { Parameters = entry.IntegerMapping(source, IsParameterName, "a letter then letters, digits or _, with a whole number value (fast: 10)") },
        "cash" => overlay with { InitialCashMicros = entry.Micros(source, 1, long.MaxValue, "a positive amount of dollars, e.g. 100000 or 2500.50") },
        CostsKey => overlay with { Costs = entry.Choice(source, ["conservative", "none"]) == "none" ? CostModel.None : CostModel.Conservative },
        "slippage_atr_bps" => overlay with { SlippageAtrBps = (int)entry.Integer(source, 0, 10_000) },
        "slippage_cap_bps" => overlay with { SlippageCapBps = (int)entry.Integer(source, 0, 10_000) },
        "slippage_multiplier" => overlay with { SlippageMultiplierPercent = entry.Scaled(source, 100, 10_000, "a factor from 0 to 100 in whole percent, e.g. 2 or 1.5") },
        "commission_per_share" => overlay with { CommissionPerShareMicros = entry.Micros(source, 0, Micros.FromUnits(100), "dollars per share from 0 to 100 with at most six decimals, e.g. 0.005") },
        "commission_bps" => overlay with { CommissionBps = (int)entry.Integer(source, 0, 10_000) },
        "min_commission" => overlay with { MinCommissionMicros = entry.Micros(source, 0, Micros.FromUnits(1_000_000), "dollars from 0 to 1000000, e.g. 1.00") },
        "max_volume_share" => overlay with { MaxVolumeShareBps = entry.Scaled(source, 10_000, 10_000, "a fraction of bar volume from 0 (no cap) to 1 in whole basis points, e.g. 0.1") },
        "atr_period" => overlay with { AtrPeriod = (int)entry.Integer(source, 1, 10_000) },
        "fill_timing" => overlay with { FillTiming = entry.Choice(source, FillTimings.All) },
        "latency_bars" => overlay with { LatencyBars = (int)entry.Integer(source, 0, 1_000) },
        "corporate_actions" => overlay with { CorporateActionsFile = entry.Text(source, "the path of a splits and dividends file") },
        "corporate_actions_mode" => overlay with { CorporateActionsMode = entry.Choice(source, ["apply", "forbid"]) == "apply" ? CorporateActionsMode.Apply : CorporateActionsMode.Forbid },
        "skip_bad_rows" => overlay with { SkipBadRows = entry.Boolean(source) },
        _ => overlay,
    };

    // "costs: none" zeroes every cost, so a cost tuned beside it in the same file would be read by nothing.
    private static void RefuseCostsWithNoCostModel(StrictYamlMapping mapping)
    {
        if (mapping.Find(CostsKey) is not { } costs || costs.Value is not YamlDotNet.RepresentationModel.YamlScalarNode { Value: "none" })
        {
            return;
        }

        foreach (StrictYamlEntry entry in mapping.Entries)
        {
            if (s_costKeys.Contains(entry.Key, StringComparer.Ordinal))
            {
                throw new ConfigurationException(
                    mapping.Source,
                    entry.Line,
                    entry.Key,
                    $"{entry.Key} conflicts with 'costs: none' (line {costs.Line}), which zeroes every cost; remove one of them");
            }
        }
    }

    private static bool IsParameterName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
