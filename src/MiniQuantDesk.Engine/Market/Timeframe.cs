namespace MiniQuantDesk.Engine.Market;

/// <summary>
/// The period of a bar series: a whole number of minutes within a session, or one regular session (daily bars,
/// whose length follows the calendar: 6.5 hours, or 3.5 on an early close).
/// </summary>
/// <param name="Minutes">Minutes per bar for intraday series; 0 for daily bars.</param>
public readonly record struct Timeframe(int Minutes)
{
    /// <summary>One bar per regular session.</summary>
    public static readonly Timeframe Daily = new(0);

    /// <summary>One-minute bars.</summary>
    public static readonly Timeframe OneMinute = new(1);

    /// <summary>True for daily bars.</summary>
    public bool IsDaily => Minutes == 0;

    /// <summary>True for a timeframe the core supports: daily, or 1 to 390 minutes.</summary>
    public bool IsValid => Minutes is >= 0 and <= 390;

    /// <summary><c>1d</c>, <c>1m</c>, <c>5m</c>.</summary>
    public override string ToString() => IsDaily ? "1d" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Minutes}m");
}
