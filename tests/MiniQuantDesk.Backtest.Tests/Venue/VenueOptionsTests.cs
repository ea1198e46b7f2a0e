using MiniQuantDesk.Backtest.Venue;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class VenueOptionsTests
{
    [Theory]
    [InlineData(nameof(VenueOptions.LatencyBars))]
    [InlineData(nameof(VenueOptions.MaxVolumeShareBps))]
    [InlineData(nameof(VenueOptions.AtrPeriod))]
    [InlineData(nameof(VenueOptions.SlippageAtrBps))]
    [InlineData(nameof(VenueOptions.SlippageCapBps))]
    [InlineData(nameof(VenueOptions.SlippageMultiplierPercent))]
    [InlineData(nameof(VenueOptions.CommissionPerShareMicros))]
    [InlineData(nameof(VenueOptions.CommissionBps))]
    [InlineData(nameof(VenueOptions.MinCommissionMicros))]
    public void A_negative_option_is_refused_naming_the_field(string field)
    {
        VenueOptions options = field switch
        {
            nameof(VenueOptions.LatencyBars) => VenueOptions.Conservative with { LatencyBars = -1 },
            nameof(VenueOptions.MaxVolumeShareBps) => VenueOptions.Conservative with { MaxVolumeShareBps = -1 },
            nameof(VenueOptions.AtrPeriod) => VenueOptions.Conservative with { AtrPeriod = -1 },
            nameof(VenueOptions.SlippageAtrBps) => VenueOptions.Conservative with { SlippageAtrBps = -1 },
            nameof(VenueOptions.SlippageCapBps) => VenueOptions.Conservative with { SlippageCapBps = -1 },
            nameof(VenueOptions.SlippageMultiplierPercent) => VenueOptions.Conservative with { SlippageMultiplierPercent = -1 },
            nameof(VenueOptions.CommissionPerShareMicros) => VenueOptions.Conservative with { CommissionPerShareMicros = -1 },
            nameof(VenueOptions.CommissionBps) => VenueOptions.Conservative with { CommissionBps = -1 },
            _ => VenueOptions.Conservative with { MinCommissionMicros = -1 },
        };

        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => new SimulatedVenue(options, 1, 1));

        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_volume_share_above_all_of_the_volume_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => (VenueOptions.Conservative with { MaxVolumeShareBps = 10_001 }).Validate());

        Assert.Equal(nameof(VenueOptions.MaxVolumeShareBps), error.ParamName);
    }

    [Fact]
    public void An_atr_period_of_zero_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => (VenueOptions.Conservative with { AtrPeriod = 0 }).Validate());

        Assert.Equal(nameof(VenueOptions.AtrPeriod), error.ParamName);
    }

    [Fact]
    public void Conservative_defaults_are_next_open_ten_percent_of_volume_five_percent_of_atr_capped_at_25_bps_and_half_a_cent_a_share()
    {
        VenueOptions options = VenueOptions.Conservative;

        Assert.Equal(FillTiming.NextBarOpen, options.FillTiming);
        Assert.Equal(0, options.LatencyBars);
        Assert.Equal(1000, options.MaxVolumeShareBps);
        Assert.Equal(14, options.AtrPeriod);
        Assert.Equal(500, options.SlippageAtrBps);
        Assert.Equal(25, options.SlippageCapBps);
        Assert.Equal(100, options.SlippageMultiplierPercent);
        Assert.Equal(5_000, options.CommissionPerShareMicros);
        Assert.Equal(new VenueOptions(), options);
    }

    [Fact]
    public void Frictionless_has_no_slippage_no_commission_and_no_volume_cap()
    {
        VenueOptions options = VenueOptions.Frictionless;

        Assert.Equal(0, options.MaxVolumeShareBps);
        Assert.Equal(0, options.SlippageAtrBps);
        Assert.Equal(0, options.CommissionPerShareMicros);
        Assert.Equal(0, options.CommissionBps);
        Assert.Equal(0, options.MinCommissionMicros);
        Assert.Equal(FillTiming.NextBarOpen, options.FillTiming);
    }
}
