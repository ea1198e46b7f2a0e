using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Risk;

/// <summary>
/// An engine's risk limits. Every limit is a positive number; a limit of <see cref="long.MaxValue"/> (or a
/// disabled flag) means "no limit". <see cref="Validate"/> refuses nonsense before the engine starts.
/// </summary>
public sealed record RiskLimits
{
    /// <summary>Most shares in one order.</summary>
    public long MaxOrderQuantity { get; init; } = long.MaxValue;

    /// <summary>Largest notional (shares × reference price) of one order.</summary>
    public Money MaxOrderNotional { get; init; } = new(long.MaxValue);

    /// <summary>Largest absolute position in one symbol after the order, in shares.</summary>
    public long MaxPositionShares { get; init; } = long.MaxValue;

    /// <summary>Largest gross exposure (Σ |position × price|) after the order.</summary>
    public Money MaxGrossExposure { get; init; } = new(long.MaxValue);

    /// <summary>Halt when equity falls this far below the trading day's starting equity.</summary>
    public Money DailyLossLimit { get; init; } = new(long.MaxValue);

    /// <summary>Flatten and halt when equity falls this many basis points below its peak (10000 = 100%).</summary>
    public int MaxDrawdownBasisPoints { get; init; } = 10_000;

    /// <summary>Halt when this many rejections arrive within <see cref="RejectStormWindowNs"/>.</summary>
    public int RejectStormCount { get; init; } = int.MaxValue;

    /// <summary>The reject-storm window, in nanoseconds of event time.</summary>
    public long RejectStormWindowNs { get; init; } = 60L * 1_000_000_000;

    /// <summary>Apply the pattern-day-trader rule.</summary>
    public bool PatternDayTraderRule { get; init; } = true;

    /// <summary>Below this equity an account may make at most <see cref="MaxDayTrades"/> day trades in
    /// <see cref="DayTradeWindowBusinessDays"/> business days (FINRA: 25,000 dollars, 3 in 5).</summary>
    public Money PatternDayTraderEquity { get; init; } = new(25_000 * Micros.PerUnit);

    /// <summary>Day trades allowed within the window below the equity threshold.</summary>
    public int MaxDayTrades { get; init; } = 3;

    /// <summary>The PDT window, in business days (trading days, not calendar days).</summary>
    public int DayTradeWindowBusinessDays { get; init; } = 5;

    /// <summary>Throws when a limit is not positive or out of range; the message names the limit.</summary>
    public void Validate()
    {
        Require(MaxOrderQuantity > 0, nameof(MaxOrderQuantity), "must be positive");
        Require(MaxOrderNotional.Micros > 0, nameof(MaxOrderNotional), "must be positive");
        Require(MaxPositionShares > 0, nameof(MaxPositionShares), "must be positive");
        Require(MaxGrossExposure.Micros > 0, nameof(MaxGrossExposure), "must be positive");
        Require(DailyLossLimit.Micros > 0, nameof(DailyLossLimit), "must be positive");
        Require(MaxDrawdownBasisPoints is > 0 and <= 10_000, nameof(MaxDrawdownBasisPoints), "must be between 1 and 10000 basis points");
        Require(RejectStormCount > 0, nameof(RejectStormCount), "must be positive");
        Require(RejectStormWindowNs > 0, nameof(RejectStormWindowNs), "must be positive");
        Require(PatternDayTraderEquity.Micros >= 0, nameof(PatternDayTraderEquity), "cannot be negative");
        Require(MaxDayTrades >= 0, nameof(MaxDayTrades), "cannot be negative");
        Require(DayTradeWindowBusinessDays is > 0 and <= 64, nameof(DayTradeWindowBusinessDays), "must be between 1 and 64 business days");
    }

    private static void Require(bool condition, string name, string what)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"Risk limit {name} {what}.");
        }
    }
}
