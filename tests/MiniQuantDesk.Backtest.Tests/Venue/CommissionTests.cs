using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class CommissionTests
{
    private static VenueReport FillOf(VenueOptions options, long shares, string open)
    {
        var venue = new SimulatedVenue(options with { SlippageAtrBps = 0, MaxVolumeShareBps = 0 }, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "100");
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, shares, monday.EndNs));
        Bar tuesday = Daily(1, open, "200", "1", open);
        return Assert.Single(Fills(Feed(venue, in tuesday)));
    }

    [Fact]
    public void The_conservative_commission_is_half_a_cent_a_share()
    {
        VenueReport fill = FillOf(VenueOptions.Conservative, 100, "101");

        Assert.Equal(Px("0.5").Micros, fill.Fee.Micros);
    }

    [Fact]
    public void A_basis_point_commission_is_charged_on_the_notional()
    {
        VenueReport fill = FillOf(VenueOptions.Frictionless with { CommissionBps = 10 }, 100, "101");

        Assert.Equal(Px("10.1").Micros, fill.Fee.Micros);
    }

    [Fact]
    public void Fees_are_rounded_up_to_the_micro()
    {
        // 3 shares at 33.333333 is 99.999999; one basis point of it is 0.0099999999.
        VenueReport fill = FillOf(VenueOptions.Frictionless with { CommissionBps = 1 }, 3, "33.333333");

        Assert.Equal(Px("0.01").Micros, fill.Fee.Micros);
    }

    [Fact]
    public void A_small_fill_pays_the_minimum_commission()
    {
        VenueReport fill = FillOf(VenueOptions.Conservative with { MinCommissionMicros = 1_000_000 }, 10, "101");

        Assert.Equal(1_000_000, fill.Fee.Micros);
    }

    [Fact]
    public void Fees_add_up_in_the_statistics()
    {
        var venue = new SimulatedVenue(VenueOptions.Conservative with { SlippageAtrBps = 0, MaxVolumeShareBps = 0 }, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "100");
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, 100, monday.EndNs));
        Send(venue, Market(2, Side.Sell, 300, monday.EndNs));
        Bar tuesday = Daily(1, "101", "102", "100", "101");
        Feed(venue, in tuesday);

        Assert.Equal(Px("2").Micros, venue.Statistics.Fees.Micros);
        Assert.Equal(400, venue.Statistics.SharesFilled);
        Assert.Equal(2, venue.Statistics.Fills);
    }
}
