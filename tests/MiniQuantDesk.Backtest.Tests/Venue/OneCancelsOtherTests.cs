using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class OneCancelsOtherTests
{
    [Fact]
    public void When_stop_and_target_could_both_fill_on_one_bar_the_stop_fills_and_the_target_is_canceled()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);

        // The target was submitted first, so submission order alone would have picked it.
        Send(venue, Limit(1, Side.Sell, 100, "104", monday.EndNs, ocoGroup: 7));
        Send(venue, Stop(2, Side.Sell, 100, "97", monday.EndNs, ocoGroup: 7));

        Bar tuesday = Daily(1, "100", "105", "96", "100");
        List<VenueReport> reports = Feed(venue, in tuesday);

        VenueReport fill = Assert.Single(Fills(reports));
        Assert.Equal(Id(2), fill.ClientOrderId);
        Assert.Equal(Px("97"), fill.Price);
        VenueReport cancel = Assert.Single(reports, r => r.Kind == VenueReportKind.CancelAck);
        Assert.Equal(Id(1), cancel.ClientOrderId);
        Assert.Equal(VenueRejectReason.OcoSiblingFilled, cancel.Reason);
        Assert.Equal(100, cancel.Quantity);
        Assert.Equal(0, venue.WorkingOrders);
    }

    [Fact]
    public void For_buys_the_higher_price_is_the_worst_case()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "97", monday.EndNs, ocoGroup: 3));
        Send(venue, Stop(2, Side.Buy, 100, "104", monday.EndNs, ocoGroup: 3));

        Bar tuesday = Daily(1, "100", "105", "96", "100");
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));

        Assert.Equal(Id(2), fill.ClientOrderId);
        Assert.Equal(Px("104"), fill.Price);
    }

    [Fact]
    public void A_fill_of_one_member_cancels_the_others()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Sell, 100, "104", monday.EndNs, ocoGroup: 9));
        Send(venue, Stop(2, Side.Sell, 100, "97", monday.EndNs, ocoGroup: 9));
        Send(venue, Limit(3, Side.Sell, 100, "110", monday.EndNs, ocoGroup: 9));
        Send(venue, Limit(4, Side.Sell, 100, "120", monday.EndNs, ocoGroup: 10));

        Bar tuesday = Daily(1, "101", "105", "100", "104");
        List<VenueReport> reports = Feed(venue, in tuesday);

        Assert.Equal(Id(1), Assert.Single(Fills(reports)).ClientOrderId);
        Assert.Equal([Id(2), Id(3)], reports.FindAll(r => r.Kind == VenueReportKind.CancelAck).ConvertAll(r => r.ClientOrderId));
        Assert.Equal(1, venue.WorkingOrders);
    }
}
