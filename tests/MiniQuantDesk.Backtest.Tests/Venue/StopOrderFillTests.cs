using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class StopOrderFillTests
{
    [Fact]
    public void A_sell_stop_gapped_through_fills_at_the_open_not_at_the_stop()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Stop(1, Side.Sell, 100, "97", monday.EndNs));

        Bar tuesday = Daily(1, "94", "96", "93", "95");
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));

        Assert.Equal(Px("94"), fill.Price);
    }

    [Fact]
    public void A_buy_stop_gapped_through_fills_at_the_open()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Stop(1, Side.Buy, 100, "103", monday.EndNs));

        Bar tuesday = Daily(1, "106", "107", "105", "106");

        Assert.Equal(Px("106"), Assert.Single(Fills(Feed(venue, in tuesday))).Price);
    }

    [Fact]
    public void A_stop_reached_inside_the_bar_fills_at_the_stop()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Stop(1, Side.Buy, 100, "103", monday.EndNs));
        Send(venue, Stop(2, Side.Sell, 100, "98", monday.EndNs));

        Bar tuesday = Daily(1, "101", "103", "98", "101");
        List<VenueReport> fills = Fills(Feed(venue, in tuesday));

        Assert.Equal([Px("103"), Px("98")], fills.ConvertAll(f => f.Price));
    }

    [Fact]
    public void A_stop_not_reached_does_not_fill()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Stop(1, Side.Buy, 100, "103", monday.EndNs));

        Bar tuesday = Daily(1, "101", "102.99", "99", "101");

        Assert.Empty(Fills(Feed(venue, in tuesday)));
    }

    [Fact]
    public void A_stop_limit_triggered_at_the_open_fills_on_that_bar_by_the_limit_rule()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, StopLimit(1, Side.Buy, 100, stop: "103", limit: "105", monday.EndNs));

        Bar tuesday = Daily(1, "104", "106", "103.5", "105");
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));

        Assert.Equal(Px("104"), fill.Price);
    }

    [Fact]
    public void A_stop_limit_gapped_beyond_its_limit_rests_as_a_limit_order()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, StopLimit(1, Side.Sell, 100, stop: "97", limit: "96", monday.EndNs));

        Bar tuesday = Daily(1, "94", "95.5", "93", "95");
        Bar wednesday = Daily(2, "95", "97", "94", "96");

        Assert.Empty(Fills(Feed(venue, in tuesday)));
        Assert.Equal(Px("96"), Assert.Single(Fills(Feed(venue, in wednesday))).Price);
    }

    [Fact]
    public void A_stop_limit_triggered_inside_the_bar_fills_only_from_the_next_bar()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, StopLimit(1, Side.Buy, 100, stop: "103", limit: "103.5", monday.EndNs));

        // The bar reaches the stop and trades below the limit, but which came first is unknown.
        Bar tuesday = Daily(1, "101", "104", "100", "103");
        Bar wednesday = Daily(2, "103.2", "104", "103", "103.8");

        Assert.Empty(Fills(Feed(venue, in tuesday)));
        Assert.Equal(Px("103.2"), Assert.Single(Fills(Feed(venue, in wednesday))).Price);
    }
}
