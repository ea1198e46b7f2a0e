using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class DayOrderTests
{
    [Fact]
    public void A_day_order_decided_at_a_daily_close_works_the_next_session_and_then_expires()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "95", monday.EndNs, TimeInForce.Day));

        Bar tuesday = Daily(1, "100", "101", "99", "100");
        Bar wednesday = Daily(2, "96", "97", "90", "91");
        List<VenueReport> onTuesday = Feed(venue, in tuesday);
        List<VenueReport> onWednesday = Feed(venue, in wednesday);

        Assert.Empty(onTuesday);
        VenueReport expired = Assert.Single(onWednesday);
        Assert.Equal(VenueReportKind.Expired, expired.Kind);
        Assert.Equal(100, expired.Quantity);
        Assert.Equal(0, venue.WorkingOrders);
    }

    [Fact]
    public void A_good_till_canceled_order_keeps_resting_across_sessions()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "95", monday.EndNs));

        Bar tuesday = Daily(1, "100", "101", "99", "100");
        Bar wednesday = Daily(2, "96", "97", "90", "91");
        Feed(venue, in tuesday);
        VenueReport fill = Assert.Single(Feed(venue, in wednesday));

        Assert.Equal(VenueReportKind.Fill, fill.Kind);
        Assert.Equal(Px("95"), fill.Price);
    }

    [Fact]
    public void A_day_order_decided_inside_a_session_works_for_the_rest_of_that_session_only()
    {
        SimulatedVenue venue = Frictionless();
        Bar first = Minute(0, 0, "100", "100.5", "99.5", "100");
        Feed(venue, in first);
        Send(venue, Limit(1, Side.Buy, 100, "98", first.EndNs, TimeInForce.Day));

        Bar later = Minute(0, 389, "99", "99.5", "98.5", "99");
        Bar nextMorning = Minute(1, 0, "97", "97.5", "96", "97");

        Assert.Empty(Feed(venue, in later));
        Assert.Equal(VenueReportKind.Expired, Assert.Single(Feed(venue, in nextMorning)).Kind);
    }

    [Fact]
    public void A_bar_of_another_symbol_in_a_later_session_expires_day_orders_of_every_symbol()
    {
        SimulatedVenue venue = Frictionless(symbols: 2);
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "95", monday.EndNs, TimeInForce.Day));

        Bar otherWednesday = Daily(2, "50", "51", "49", "50");
        VenueReport expired = Assert.Single(Feed(venue, in otherWednesday, symbol: 1));

        Assert.Equal(VenueReportKind.Expired, expired.Kind);
        Assert.Equal(0, expired.SymbolIndex);
        Assert.Equal(otherWednesday.StartNs, expired.TimeNs);
    }

    [Fact]
    public void End_of_data_expires_day_orders_and_leaves_good_till_canceled_orders_working()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "95", monday.EndNs, TimeInForce.Day));
        Send(venue, Limit(2, Side.Buy, 100, "95", monday.EndNs));

        venue.EndOfData(monday.EndNs + 1);
        VenueReport expired = Assert.Single(Drain(venue));

        Assert.Equal(VenueReportKind.Expired, expired.Kind);
        Assert.Equal(Id(1), expired.ClientOrderId);
        Assert.Equal(monday.EndNs + 1, expired.TimeNs);
        Assert.Equal(1, venue.WorkingOrders);
    }
}
