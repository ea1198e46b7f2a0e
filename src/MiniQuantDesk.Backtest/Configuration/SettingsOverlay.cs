namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// One layer of configuration (a YAML file, the command line, a stress profile): every value is optional, and a
/// value that is set overrides the layers below it. Parameters merge by name.
/// </summary>
public sealed record SettingsOverlay
{
    /// <summary>A layer that changes nothing.</summary>
    public static SettingsOverlay Empty { get; } = new();

    /// <summary>The bar files (<c>data</c>).</summary>
    public IReadOnlyList<string>? DataFiles { get; init; }

    /// <summary>The symbol (<c>symbol</c>).</summary>
    public string? Symbol { get; init; }

    /// <summary>The strategy's name (<c>strategy</c>).</summary>
    public string? Strategy { get; init; }

    /// <summary>Strategy parameters (<c>params</c>); each one overrides the same name below.</summary>
    public IReadOnlyDictionary<string, long>? Parameters { get; init; }

    /// <summary>Starting cash in micros (<c>cash</c>).</summary>
    public long? InitialCashMicros { get; init; }

    /// <summary>The cost model (<c>costs</c>).</summary>
    public CostModel? Costs { get; init; }

    /// <summary><c>slippage_atr_bps</c>.</summary>
    public int? SlippageAtrBps { get; init; }

    /// <summary><c>slippage_cap_bps</c>.</summary>
    public int? SlippageCapBps { get; init; }

    /// <summary><c>slippage_multiplier</c>, in percent.</summary>
    public int? SlippageMultiplierPercent { get; init; }

    /// <summary><c>commission_per_share</c>, in micros.</summary>
    public long? CommissionPerShareMicros { get; init; }

    /// <summary><c>commission_bps</c>.</summary>
    public int? CommissionBps { get; init; }

    /// <summary><c>min_commission</c>, in micros.</summary>
    public long? MinCommissionMicros { get; init; }

    /// <summary><c>max_volume_share</c>, in basis points (0 = no cap).</summary>
    public int? MaxVolumeShareBps { get; init; }

    /// <summary><c>atr_period</c>.</summary>
    public int? AtrPeriod { get; init; }

    /// <summary><c>fill_timing</c>.</summary>
    public string? FillTiming { get; init; }

    /// <summary><c>latency_bars</c>.</summary>
    public int? LatencyBars { get; init; }

    /// <summary><c>corporate_actions</c>: the file's path.</summary>
    public string? CorporateActionsFile { get; init; }

    /// <summary><c>corporate_actions_mode</c>.</summary>
    public CorporateActionsMode? CorporateActionsMode { get; init; }

    /// <summary><c>skip_bad_rows</c>.</summary>
    public bool? SkipBadRows { get; init; }

    /// <summary>True when this layer sets any individual cost value (anything but <see cref="Costs"/>).</summary>
    public bool SetsAnyCost =>
        SlippageAtrBps.HasValue || SlippageCapBps.HasValue || SlippageMultiplierPercent.HasValue
        || CommissionPerShareMicros.HasValue || CommissionBps.HasValue || MinCommissionMicros.HasValue
        || MaxVolumeShareBps.HasValue;
}
