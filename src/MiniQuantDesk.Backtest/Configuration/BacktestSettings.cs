using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>
/// Everything a backtest run needs besides the data itself: the resolved configuration that is written to
/// <c>config.json</c> and hashed, so that <c>mqd verify</c> can re-run it exactly. Every property has a default;
/// equality compares the lists and the parameters by value, so a settings object read back from its canonical
/// JSON equals the one that was written.
/// </summary>
public sealed record BacktestSettings
{
    /// <summary>The bar files the run replays, in the order given.</summary>
    public IReadOnlyList<string> DataFiles { get; init; } = [];

    /// <summary>The symbol traded, or null to take it from the data.</summary>
    public string? Symbol { get; init; }

    /// <summary>The strategy's name.</summary>
    public string Strategy { get; init; } = "sma-cross";

    /// <summary>The strategy's integer parameters by name (serialized sorted by name).</summary>
    public IReadOnlyDictionary<string, long> Parameters { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The starting cash in micros (100000 dollars by default).</summary>
    public long InitialCashMicros { get; init; } = Micros.FromUnits(100_000);

    /// <summary>Whether costs are charged; <see cref="CostModel.None"/> means <see cref="CostSettings"/> are all zero
    /// unless a stress profile put some back.</summary>
    public CostModel Costs { get; init; } = CostModel.Conservative;

    /// <summary>The venue's costs as resolved (after the cost model and any stress profile).</summary>
    public CostSettings CostSettings { get; init; } = CostSettings.Conservative;

    /// <summary>When a decided order fills: <see cref="FillTimings.NextBarOpen"/> or <see cref="FillTimings.SameBarClose"/>.</summary>
    public string FillTiming { get; init; } = FillTimings.NextBarOpen;

    /// <summary>Extra bars between the decision and the fill.</summary>
    public int LatencyBars { get; init; }

    /// <summary>The splits and dividends file, or null.</summary>
    public string? CorporateActionsFile { get; init; }

    /// <summary>What is done with <see cref="CorporateActionsFile"/>; <see cref="CorporateActionsMode.None"/> without one.</summary>
    public CorporateActionsMode CorporateActionsMode { get; init; }

    /// <summary>True to skip and list bad rows instead of stopping at the first.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>The stress profile applied, or null for the baseline run.</summary>
    public string? StressProfile { get; init; }

    /// <summary>Equal when every setting is equal, the data files in order and the parameters as a set.</summary>
    public bool Equals(BacktestSettings? other) =>
        other is not null
        && DataFiles.SequenceEqual(other.DataFiles, StringComparer.Ordinal)
        && string.Equals(Symbol, other.Symbol, StringComparison.Ordinal)
        && string.Equals(Strategy, other.Strategy, StringComparison.Ordinal)
        && ParametersEqual(Parameters, other.Parameters)
        && InitialCashMicros == other.InitialCashMicros
        && Costs == other.Costs
        && CostSettings == other.CostSettings
        && string.Equals(FillTiming, other.FillTiming, StringComparison.Ordinal)
        && LatencyBars == other.LatencyBars
        && string.Equals(CorporateActionsFile, other.CorporateActionsFile, StringComparison.Ordinal)
        && CorporateActionsMode == other.CorporateActionsMode
        && SkipBadRows == other.SkipBadRows
        && string.Equals(StressProfile, other.StressProfile, StringComparison.Ordinal);

    /// <summary>A hash consistent with <see cref="Equals(BacktestSettings?)"/>.</summary>
    public override int GetHashCode()
    {
        HashCode hash = default;
        foreach (string file in DataFiles)
        {
            hash.Add(file, StringComparer.Ordinal);
        }

        foreach (KeyValuePair<string, long> parameter in Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hash.Add(parameter.Key, StringComparer.Ordinal);
            hash.Add(parameter.Value);
        }

        hash.Add(Symbol, StringComparer.Ordinal);
        hash.Add(Strategy, StringComparer.Ordinal);
        hash.Add(InitialCashMicros);
        hash.Add(Costs);
        hash.Add(CostSettings);
        hash.Add(FillTiming, StringComparer.Ordinal);
        hash.Add(LatencyBars);
        hash.Add(CorporateActionsFile, StringComparer.Ordinal);
        hash.Add(CorporateActionsMode);
        hash.Add(SkipBadRows);
        hash.Add(StressProfile, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    private static bool ParametersEqual(IReadOnlyDictionary<string, long> left, IReadOnlyDictionary<string, long> right) =>
        left.Count == right.Count
        && left.All(pair => right.TryGetValue(pair.Key, out long value) && value == pair.Value);
}
