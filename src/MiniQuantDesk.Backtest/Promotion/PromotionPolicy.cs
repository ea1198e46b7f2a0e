namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>
/// The bar a strategy's backtest must clear to be promoted. Thresholds are exact decimals (read from their text);
/// they are compared with the run's metrics, which are floating point. Defaults are those of
/// <c>config/promotion/default.yaml</c>.
/// </summary>
public sealed record PromotionPolicy
{
    /// <summary>The built-in policy.</summary>
    public static PromotionPolicy Default { get; } = new();

    /// <summary>The least Sharpe ratio accepted.</summary>
    public decimal MinSharpe { get; init; } = 0.5m;

    /// <summary>The largest drawdown accepted, as a fraction.</summary>
    public decimal MaxDrawdown { get; init; } = 0.25m;

    /// <summary>The fewest trades that make the statistics worth reading.</summary>
    public int MinTrades { get; init; } = 20;

    /// <summary>The least profit factor accepted.</summary>
    public decimal MinProfitFactor { get; init; } = 1.1m;

    /// <summary>
    /// How much of the baseline's return a stress run may lose: each profile's total return must be at least
    /// baseline − drop × |baseline|.
    /// </summary>
    public decimal MaxStressReturnDrop { get; init; } = 0.5m;

    /// <summary>True when every built-in stress profile must have run.</summary>
    public bool RequireStress { get; init; } = true;
}
