using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class VolumeCapTests
{
    private static readonly VenueOptions s_tenPercentOfVolume = VenueOptions.Frictionless with { MaxVolumeShareBps = 1000 };

    [Fact]
    public void An_order_larger_than_its_share_of_volume_fills_partly_and_the_rest_rests_until_filled()
    {
        var venue = new SimulatedVenue(s_tenPercentOfVolume, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101", volume: 5_000);
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, 1_000, monday.EndNs));

        Bar tuesday = Daily(1, "101", "102", "100", "101", volume: 4_009);
        Bar wednesday = Daily(2, "102", "103", "101", "102", volume: 50_000);
        List<VenueReport> onTuesday = Fills(Feed(venue, in tuesday));
        List<VenueReport> onWednesday = Fills(Feed(venue, in wednesday));

        VenueReport first = Assert.Single(onTuesday);
        Assert.Equal(400, first.Quantity);
        Assert.Equal(600, first.LeavesQuantity);
        VenueReport second = Assert.Single(onWednesday);
        Assert.Equal(600, second.Quantity);
        Assert.Equal(Px("102"), second.Price);
        Assert.Equal(1_000, second.FilledTotal);
        Assert.Equal(0, second.LeavesQuantity);
        Assert.Equal(1, venue.Statistics.VolumeCappedFills);
    }

    [Fact]
    public void The_cap_is_shared_by_all_orders_of_the_symbol_in_submission_order()
    {
        var venue = new SimulatedVenue(s_tenPercentOfVolume, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, 300, monday.EndNs));
        Send(venue, Market(2, Side.Sell, 300, monday.EndNs));
        Send(venue, Market(3, Side.Buy, 300, monday.EndNs));

        Bar tuesday = Daily(1, "101", "102", "100", "101", volume: 5_000);
        List<VenueReport> fills = Fills(Feed(venue, in tuesday));

        Assert.Equal([Id(1), Id(2)], fills.ConvertAll(f => f.ClientOrderId));
        Assert.Equal([300L, 200L], fills.ConvertAll(f => f.Quantity));
        Assert.Equal(2, venue.WorkingOrders);
    }

    [Fact]
    public void A_bar_without_reported_volume_is_not_capped_and_is_counted()
    {
        var venue = new SimulatedVenue(s_tenPercentOfVolume, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, 1_000_000, monday.EndNs));

        Bar tuesday = Daily(1, "101", "102", "100", "101", volume: 0);
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));

        Assert.Equal(1_000_000, fill.Quantity);
        Assert.Equal(1, venue.Statistics.BarsWithoutVolume);
    }

    [Fact]
    public void A_day_order_remainder_expires_when_the_next_session_begins()
    {
        var venue = new SimulatedVenue(s_tenPercentOfVolume, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, 1_000, monday.EndNs, TimeInForce.Day));

        Bar tuesday = Daily(1, "101", "102", "100", "101", volume: 4_000);
        Bar wednesday = Daily(2, "102", "103", "101", "102", volume: 50_000);
        List<VenueReport> onTuesday = Feed(venue, in tuesday);
        List<VenueReport> onWednesday = Feed(venue, in wednesday);

        Assert.Equal(400, Assert.Single(Fills(onTuesday)).Quantity);
        VenueReport expired = Assert.Single(onWednesday);
        Assert.Equal(VenueReportKind.Expired, expired.Kind);
        Assert.Equal(600, expired.Quantity);
        Assert.Equal(400, expired.FilledTotal);
        Assert.Equal(wednesday.StartNs, expired.TimeNs);
    }

    [Fact]
    public void Same_bar_close_fills_use_what_the_bar_volume_left()
    {
        var venue = new SimulatedVenue(s_tenPercentOfVolume with { FillTiming = FillTiming.SameBarClose }, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101", volume: 5_000);
        Feed(venue, in monday);

        List<VenueReport> first = Fills(Send(venue, Market(1, Side.Buy, 300, monday.EndNs)));
        List<VenueReport> second = Fills(Send(venue, Market(2, Side.Buy, 300, monday.EndNs)));
        Bar tuesday = Daily(1, "102", "103", "101", "102", volume: 5_000);
        List<VenueReport> rest = Fills(Feed(venue, in tuesday));

        Assert.Equal(300, Assert.Single(first).Quantity);
        Assert.Equal(200, Assert.Single(second).Quantity);
        Assert.Equal(100, Assert.Single(rest).Quantity);
        Assert.Equal(Px("102"), rest[0].Price);
    }
}
