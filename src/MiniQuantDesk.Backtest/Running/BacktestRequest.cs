using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Running;

/// <summary>Everything one backtest run needs, resolved: the bars, the strategy, the money and the venue.</summary>
public sealed record BacktestRequest
{
    /// <summary>One series per symbol, all of one timeframe.</summary>
    public required IReadOnlyList<BarSeries> Series { get; init; }

    /// <summary>The strategy's name in the catalog.</summary>
    public required string Strategy { get; init; }

    /// <summary>The strategy's parameters as given (validated by the catalog).</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>Starting cash.</summary>
    public required Money InitialCash { get; init; }

    /// <summary>How the simulated venue fills and charges.</summary>
    public required VenueOptions Venue { get; init; }

    /// <summary>Event times at which the run stops, sticky, with the reason (corporate actions that are forbidden).</summary>
    public IReadOnlyList<RunStop> Stops { get; init; } = [];

    /// <summary>Corporate actions to apply through the engine, in time order (apply mode).</summary>
    public IReadOnlyList<ScheduledCorporateAction> CorporateActions { get; init; } = [];

    /// <summary>Called now and then with (bars done, bars in total).</summary>
    public Action<long, long>? Progress { get; init; }
}
