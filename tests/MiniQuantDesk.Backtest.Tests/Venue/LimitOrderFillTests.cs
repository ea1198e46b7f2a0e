using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class LimitOrderFillTests
{
    [Fact]
    public void A_buy_limit_touched_but_not_traded_through_does_not_fill()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "99", monday.EndNs));

        Bar tuesday = Daily(1, "100", "101", "99", "100");
        List<VenueReport> reports = Feed(venue, in tuesday);

        Assert.Empty(Fills(reports));
        Assert.Equal(1, venue.WorkingOrders);
    }

    [Fact]
    public void A_buy_limit_traded_through_fills_at_the_limit()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "99", monday.EndNs));

        Bar tuesday = Daily(1, "100", "101", "98.99", "100");
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));

        Assert.Equal(Px("99"), fill.Price);
    }

    [Fact]
    public void A_buy_limit_fills_at_the_open_when_the_bar_opens_below_it()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "99", monday.EndNs));

        Bar tuesday = Daily(1, "97", "98", "96", "97");
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));

        Assert.Equal(Px("97"), fill.Price);
    }

    [Fact]
    public void A_sell_limit_touched_but_not_traded_through_does_not_fill()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Sell, 100, "103", monday.EndNs));

        Bar tuesday = Daily(1, "101", "103", "100", "102");

        Assert.Empty(Fills(Feed(venue, in tuesday)));
    }

    [Fact]
    public void A_sell_limit_traded_through_fills_at_the_limit_or_a_higher_open()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Sell, 100, "103", monday.EndNs));
        Send(venue, Limit(2, Side.Sell, 100, "104", monday.EndNs));

        Bar tuesday = Daily(1, "103.5", "105", "100", "102");
        List<VenueReport> fills = Fills(Feed(venue, in tuesday));

        Assert.Equal([Px("103.5"), Px("104")], fills.ConvertAll(f => f.Price));
    }

    [Fact]
    public void Slippage_never_pushes_a_limit_fill_beyond_its_limit()
    {
        var venue = new SimulatedVenue(VenueOptions.Conservative with { SlippageAtrBps = 10_000, SlippageCapBps = 0, MaxVolumeShareBps = 0 }, 1, 16);
        Bar monday = Daily(0, "100", "110", "90", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "99", monday.EndNs));
        Send(venue, Limit(2, Side.Sell, 100, "102", monday.EndNs));

        Bar tuesday = Daily(1, "98", "104", "97", "100");
        List<VenueReport> fills = Fills(Feed(venue, in tuesday));

        Assert.Equal([Px("99"), Px("102")], fills.ConvertAll(f => f.Price));
    }
}
