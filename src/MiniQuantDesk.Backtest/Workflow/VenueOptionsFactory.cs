using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Venue;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>The venue a run's settings describe.</summary>
public static class VenueOptionsFactory
{
    /// <summary>Maps the resolved costs, fill timing and latency onto <see cref="VenueOptions"/>.</summary>
    public static VenueOptions From(BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CostSettings costs = settings.CostSettings;
        var options = new VenueOptions
        {
            FillTiming = settings.FillTiming == FillTimings.SameBarClose ? FillTiming.SameBarClose : FillTiming.NextBarOpen,
            LatencyBars = settings.LatencyBars,
            MaxVolumeShareBps = costs.MaxVolumeShareBps,
            AtrPeriod = costs.AtrPeriod,
            SlippageAtrBps = costs.SlippageAtrBps,
            SlippageCapBps = costs.SlippageCapBps,
            SlippageMultiplierPercent = costs.SlippageMultiplierPercent,
            CommissionPerShareMicros = costs.CommissionPerShareMicros,
            CommissionBps = costs.CommissionBps,
            MinCommissionMicros = costs.MinCommissionMicros,
        };
        options.Validate();
        return options;
    }
}
