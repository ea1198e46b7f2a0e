using System.Text.Json;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// The resolved settings as canonical JSON (<c>config.json</c>): snake_case keys sorted by ordinal, no whitespace,
/// a trailing newline, money as exact decimal text. Writing is stable (the same settings give the same bytes and
/// hash) and <see cref="Read(string)"/> gives back settings equal to those written, so <c>mqd verify</c> can re-run
/// from the file alone.
/// </summary>
public static class CanonicalSettingsJson
{
    /// <summary>The format's version, written as <c>config_version</c>; a file with another version is refused.</summary>
    public const int Version = 1;

    private const string DefaultSource = "config.json";

    private static readonly string[] s_keys =
    [
        "config_version", "corporate_actions", "corporate_actions_mode", "cost_settings", "costs", "data",
        "fill_timing", "initial_cash", "latency_bars", "params", "skip_bad_rows", "strategy", "stress_profile",
        "symbol",
    ];

    private static readonly string[] s_costKeys =
    [
        "atr_period", "commission_bps", "commission_per_share", "max_volume_share_bps", "min_commission",
        "slippage_atr_bps", "slippage_cap_bps", "slippage_multiplier_percent",
    ];

    /// <summary>The canonical JSON text of <paramref name="settings"/>.</summary>
    public static string Write(BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CostSettings costs = settings.CostSettings;
        SortedDictionary<string, object?> costMembers = SortedJsonWriter.Object();
        costMembers["atr_period"] = costs.AtrPeriod;
        costMembers["commission_bps"] = costs.CommissionBps;
        costMembers["commission_per_share"] = DecimalText.FormatMicros(costs.CommissionPerShareMicros);
        costMembers["max_volume_share_bps"] = costs.MaxVolumeShareBps;
        costMembers["min_commission"] = DecimalText.FormatMicros(costs.MinCommissionMicros);
        costMembers["slippage_atr_bps"] = costs.SlippageAtrBps;
        costMembers["slippage_cap_bps"] = costs.SlippageCapBps;
        costMembers["slippage_multiplier_percent"] = costs.SlippageMultiplierPercent;

        SortedDictionary<string, object?> parameters = SortedJsonWriter.Object();
        foreach (KeyValuePair<string, long> parameter in settings.Parameters)
        {
            parameters[parameter.Key] = parameter.Value;
        }

        SortedDictionary<string, object?> root = SortedJsonWriter.Object();
        root["config_version"] = Version;
        root["corporate_actions"] = settings.CorporateActionsFile;
        root["corporate_actions_mode"] = ModeText(settings.CorporateActionsMode);
        root["cost_settings"] = costMembers;
        root["costs"] = settings.Costs == CostModel.None ? "none" : "conservative";
        root["data"] = settings.DataFiles.Cast<object?>().ToList();
        root["fill_timing"] = settings.FillTiming;
        root["initial_cash"] = DecimalText.FormatMicros(settings.InitialCashMicros);
        root["latency_bars"] = settings.LatencyBars;
        root["params"] = parameters;
        root["skip_bad_rows"] = settings.SkipBadRows;
        root["strategy"] = settings.Strategy;
        root["stress_profile"] = settings.StressProfile;
        root["symbol"] = settings.Symbol;
        return SortedJsonWriter.Write(root);
    }

    /// <summary>The lowercase hex SHA-256 of <see cref="Write"/>'s UTF-8 bytes.</summary>
    public static string Sha256(BacktestSettings settings) => SortedJsonWriter.Sha256(Write(settings));

    /// <summary>The lowercase hex SHA-256 of canonical JSON text as written (to check a stored hash).</summary>
    public static string Sha256(string canonicalJson)
    {
        ArgumentNullException.ThrowIfNull(canonicalJson);
        return SortedJsonWriter.Sha256(canonicalJson);
    }

    /// <summary>Reads settings back from <c>config.json</c> text, strictly: every key present, none unknown.</summary>
    /// <exception cref="ConfigurationException">The text is not this format.</exception>
    public static BacktestSettings Read(string json) => Read(json, DefaultSource);

    /// <summary>Reads settings back from canonical JSON; <paramref name="source"/> names the file in errors.</summary>
    /// <exception cref="ConfigurationException">The text is not this format.</exception>
    public static BacktestSettings Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new ConfigurationException(source, (error.LineNumber ?? -1) + 1, null, $"not valid JSON: {error.Message}", error);
        }

        using (document)
        {
            JsonObjectReader root = new(document.RootElement, source, null);
            root.RequireExactly(s_keys);
            if (root.Integer("config_version", int.MaxValue) != Version)
            {
                throw new ConfigurationException(source, 0, "config_version", $"config_version must be {Version}; this file was written by another version of mqd");
            }

            JsonObjectReader costs = root.Object("cost_settings");
            costs.RequireExactly(s_costKeys);
            JsonObjectReader parameters = root.Object("params");
            return new BacktestSettings
            {
                CorporateActionsFile = root.OptionalText("corporate_actions"),
                CorporateActionsMode = root.Choice("corporate_actions_mode", ["apply", "forbid", "none"]) switch
                {
                    "apply" => CorporateActionsMode.Apply,
                    "forbid" => CorporateActionsMode.Forbid,
                    _ => CorporateActionsMode.None,
                },
                CostSettings = new CostSettings
                {
                    AtrPeriod = (int)costs.Integer("atr_period", int.MaxValue),
                    CommissionBps = (int)costs.Integer("commission_bps", int.MaxValue),
                    CommissionPerShareMicros = costs.Micros("commission_per_share"),
                    MaxVolumeShareBps = (int)costs.Integer("max_volume_share_bps", int.MaxValue),
                    MinCommissionMicros = costs.Micros("min_commission"),
                    SlippageAtrBps = (int)costs.Integer("slippage_atr_bps", int.MaxValue),
                    SlippageCapBps = (int)costs.Integer("slippage_cap_bps", int.MaxValue),
                    SlippageMultiplierPercent = (int)costs.Integer("slippage_multiplier_percent", int.MaxValue),
                },
                Costs = root.Choice("costs", ["conservative", "none"]) == "none" ? CostModel.None : CostModel.Conservative,
                DataFiles = root.TextList("data"),
                FillTiming = root.Choice("fill_timing", FillTimings.All),
                InitialCashMicros = root.Micros("initial_cash"),
                LatencyBars = (int)root.Integer("latency_bars", int.MaxValue),
                Parameters = parameters.AllIntegers(),
                SkipBadRows = root.Boolean("skip_bad_rows"),
                Strategy = root.Text("strategy"),
                StressProfile = root.OptionalText("stress_profile"),
                Symbol = root.OptionalText("symbol"),
            };
        }
    }

    private static string ModeText(CorporateActionsMode mode) => mode switch
    {
        CorporateActionsMode.Apply => "apply",
        CorporateActionsMode.Forbid => "forbid",
        _ => "none",
    };
}
