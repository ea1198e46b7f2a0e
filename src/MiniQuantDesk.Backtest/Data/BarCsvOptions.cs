using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Backtest.Data;

/// <summary>How <see cref="BarCsvReader"/> reads one bar file.</summary>
public sealed record BarCsvOptions
{
    /// <summary>The symbol (<c>--symbol</c>); null to take it from the file name up to the first <c>_</c>.</summary>
    public string? Symbol { get; init; }

    /// <summary>Skip bad rows and list them (<c>--skip-bad-rows</c>) instead of stopping at the first.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>The interned symbol put into every <see cref="Bar.Symbol"/>.</summary>
    public SymbolId SymbolId { get; init; }

    /// <summary>The session calendar; null for <see cref="NyseCalendar.Default"/>.</summary>
    public NyseCalendar? Calendar { get; init; }
}
