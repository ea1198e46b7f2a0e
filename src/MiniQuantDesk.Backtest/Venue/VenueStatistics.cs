using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>What the simulated venue did over a run, for the report and for checks on the simulation itself.</summary>
/// <param name="Accepted">Orders acknowledged.</param>
/// <param name="Rejected">Orders refused.</param>
/// <param name="Fills">Fill reports.</param>
/// <param name="SharesFilled">Shares over all fills.</param>
/// <param name="Fees">Commissions over all fills.</param>
/// <param name="VolumeCappedFills">Times an order got fewer shares than it asked for because of the bar-volume cap
/// (its fill was partial, or none at all).</param>
/// <param name="BarsWithoutVolume">Bars that reported a volume of 0: no volume cap could be applied on them.</param>
/// <param name="Canceled">Orders canceled, on request or by an OCO sibling.</param>
/// <param name="Replaced">Replaces applied.</param>
/// <param name="Expired">Day orders expired.</param>
public readonly record struct VenueStatistics(
    long Accepted,
    long Rejected,
    long Fills,
    long SharesFilled,
    Money Fees,
    long VolumeCappedFills,
    long BarsWithoutVolume,
    long Canceled,
    long Replaced,
    long Expired);
