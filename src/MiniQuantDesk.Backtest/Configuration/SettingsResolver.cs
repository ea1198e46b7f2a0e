namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// Resolves the settings of one run from its layers: defaults, then the configuration file, then the command
/// line, then the stress profile. The last <c>costs</c> given wins: <c>none</c> zeroes every cost, the volume cap
/// included. The stress profile applies last as a delta on what was resolved: its slippage multiplier multiplies,
/// its latency adds, its volume cap tightens (so it bites even on a run without costs), and any other cost it sets
/// replaces the resolved one.
/// </summary>
public static class SettingsResolver
{
    private const string CommandLine = "command line";

    /// <summary>Resolves the settings.</summary>
    /// <param name="file">The configuration file's layer, or null when there is no file.</param>
    /// <param name="cli">The command line's layer.</param>
    /// <param name="stress">The stress profile, or null for the baseline run.</param>
    /// <exception cref="ConfigurationException">The layers together are not a runnable configuration.</exception>
    public static BacktestSettings Resolve(SettingsOverlay? file, SettingsOverlay cli, StressProfile? stress)
    {
        ArgumentNullException.ThrowIfNull(cli);
        BacktestSettings settings = new();
        if (file is not null)
        {
            settings = ApplyLayer(settings, file, "configuration file");
        }

        settings = ApplyLayer(settings, cli, CommandLine);
        settings = ResolveCorporateActions(settings);
        if (settings.DataFiles.Count == 0)
        {
            throw new ConfigurationException("no bar data: give --data FILE.csv or 'data:' in the configuration file");
        }

        return stress is null ? settings : ApplyStress(settings, stress);
    }

    private static BacktestSettings ApplyLayer(BacktestSettings settings, SettingsOverlay layer, string layerName)
    {
        SortedDictionary<string, long> parameters = new(StringComparer.Ordinal);
        foreach (KeyValuePair<string, long> parameter in settings.Parameters)
        {
            parameters[parameter.Key] = parameter.Value;
        }

        foreach (KeyValuePair<string, long> parameter in layer.Parameters ?? new Dictionary<string, long>())
        {
            parameters[parameter.Key] = parameter.Value;
        }

        CostModel costs = layer.Costs ?? settings.Costs;
        // The ATR period is not a cost (it defines the volatility proxy), so switching the cost model keeps it.
        CostSettings costSettings = layer.Costs switch
        {
            CostModel.None => CostSettings.None with { AtrPeriod = settings.CostSettings.AtrPeriod },
            CostModel.Conservative when settings.Costs == CostModel.None => CostSettings.Conservative with { AtrPeriod = settings.CostSettings.AtrPeriod },
            _ => settings.CostSettings,
        };
        if (costs == CostModel.None && layer.SetsAnyCost)
        {
            throw new ConfigurationException($"the {layerName} sets a cost while costs are 'none', which zeroes every cost; give costs 'conservative' to tune them");
        }

        return settings with
        {
            DataFiles = layer.DataFiles ?? settings.DataFiles,
            Symbol = layer.Symbol ?? settings.Symbol,
            Strategy = layer.Strategy ?? settings.Strategy,
            Parameters = parameters,
            InitialCashMicros = layer.InitialCashMicros ?? settings.InitialCashMicros,
            Costs = costs,
            CostSettings = OverrideCosts(costSettings, layer),
            FillTiming = layer.FillTiming ?? settings.FillTiming,
            LatencyBars = layer.LatencyBars ?? settings.LatencyBars,
            CorporateActionsFile = layer.CorporateActionsFile ?? settings.CorporateActionsFile,
            CorporateActionsMode = layer.CorporateActionsMode ?? settings.CorporateActionsMode,
            SkipBadRows = layer.SkipBadRows ?? settings.SkipBadRows,
        };
    }

    private static CostSettings OverrideCosts(CostSettings costs, SettingsOverlay layer) => costs with
    {
        SlippageAtrBps = layer.SlippageAtrBps ?? costs.SlippageAtrBps,
        SlippageCapBps = layer.SlippageCapBps ?? costs.SlippageCapBps,
        SlippageMultiplierPercent = layer.SlippageMultiplierPercent ?? costs.SlippageMultiplierPercent,
        CommissionPerShareMicros = layer.CommissionPerShareMicros ?? costs.CommissionPerShareMicros,
        CommissionBps = layer.CommissionBps ?? costs.CommissionBps,
        MinCommissionMicros = layer.MinCommissionMicros ?? costs.MinCommissionMicros,
        MaxVolumeShareBps = layer.MaxVolumeShareBps ?? costs.MaxVolumeShareBps,
        AtrPeriod = layer.AtrPeriod ?? costs.AtrPeriod,
    };

    // A corporate actions file is either applied or forbidden, never ignored; a mode without a file has nothing
    // to act on.
    private static BacktestSettings ResolveCorporateActions(BacktestSettings settings)
    {
        if (settings.CorporateActionsFile is null)
        {
            return settings.CorporateActionsMode == CorporateActionsMode.None
                ? settings
                : throw new ConfigurationException("corporate_actions_mode is set but there is no corporate actions file: give --corporate-actions FILE.csv or 'corporate_actions:'");
        }

        // A file without a mode stays None: the run is refused if the data cross one of its splits unadjusted,
        // so the user has to choose between apply and forbid.
        return settings;
    }

    /// <summary>Applies <paramref name="stress"/> on top of already resolved settings (what <c>mqd verify</c>
    /// does with a run's config.json).</summary>
    public static BacktestSettings ApplyStress(BacktestSettings settings, StressProfile stress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stress);
        SettingsOverlay delta = stress.Overlay;
        CostSettings costs = settings.CostSettings;

        costs = costs with
        {
            SlippageMultiplierPercent = delta.SlippageMultiplierPercent is { } factor
                ? checked(costs.SlippageMultiplierPercent * factor / 100)
                : costs.SlippageMultiplierPercent,
            MaxVolumeShareBps = delta.MaxVolumeShareBps is { } cap ? Tighter(costs.MaxVolumeShareBps, cap) : costs.MaxVolumeShareBps,
            SlippageAtrBps = delta.SlippageAtrBps ?? costs.SlippageAtrBps,
            SlippageCapBps = delta.SlippageCapBps ?? costs.SlippageCapBps,
            CommissionPerShareMicros = delta.CommissionPerShareMicros ?? costs.CommissionPerShareMicros,
            CommissionBps = delta.CommissionBps ?? costs.CommissionBps,
            MinCommissionMicros = delta.MinCommissionMicros ?? costs.MinCommissionMicros,
        };

        return settings with
        {
            CostSettings = costs,
            LatencyBars = checked(settings.LatencyBars + (delta.LatencyBars ?? 0)),
            StressProfile = stress.Name,
        };
    }

    // A volume cap of 0 means no cap, so the tighter of two caps is the smaller positive one.
    private static int Tighter(int current, int stress) =>
        current == 0 ? stress : stress == 0 ? current : Math.Min(current, stress);
}
