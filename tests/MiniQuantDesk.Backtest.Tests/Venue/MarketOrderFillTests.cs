using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class MarketOrderFillTests
{
    [Fact]
    public void A_market_order_decided_at_the_close_fills_at_the_next_bar_open()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);

        List<VenueReport> submitted = Send(venue, Market(1, Side.Buy, 100, monday.EndNs));
        Bar tuesday = Daily(1, "103", "104", "99", "100");
        List<VenueReport> fills = Fills(Feed(venue, in tuesday));

        Assert.Equal(VenueReportKind.Ack, Assert.Single(submitted).Kind);
        VenueReport fill = Assert.Single(fills);
        Assert.Equal(Px("103"), fill.Price);
        Assert.Equal(100, fill.Quantity);
        Assert.Equal(tuesday.StartNs, fill.TimeNs);
        Assert.Equal(0, fill.LeavesQuantity);
        Assert.Equal(0, venue.WorkingOrders);
    }

    [Fact]
    public void Frictionless_costs_give_exactly_the_open_with_no_fee()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "110", "90", "101", volume: 10);
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Sell, 5_000, monday.EndNs));

        Bar tuesday = Daily(1, "97.123456", "104", "90", "100", volume: 10);
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));

        Assert.Equal(Px("97.123456"), fill.Price);
        Assert.Equal(5_000, fill.Quantity);
        Assert.Equal(0, fill.Fee.Micros);
    }

    [Fact]
    public void A_market_order_does_not_fill_at_the_close_it_was_decided_on_by_default()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);

        List<VenueReport> submitted = Send(venue, Market(1, Side.Buy, 100, monday.EndNs));

        Assert.Empty(Fills(submitted));
        Assert.Equal(1, venue.WorkingOrders);
    }

    [Fact]
    public void Same_bar_close_fills_at_the_last_close_only_when_opted_in()
    {
        var venue = new SimulatedVenue(VenueOptions.Frictionless with { FillTiming = FillTiming.SameBarClose }, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101.5");
        Feed(venue, in monday);

        List<VenueReport> submitted = Send(venue, Market(1, Side.Buy, 100, monday.EndNs));

        Assert.Equal([VenueReportKind.Ack, VenueReportKind.Fill], submitted.ConvertAll(r => r.Kind));
        Assert.Equal(Px("101.5"), submitted[1].Price);
        Assert.Equal(monday.EndNs, submitted[1].TimeNs);
        Assert.Equal(0, venue.WorkingOrders);
    }

    [Fact]
    public void Same_bar_close_applies_only_to_market_orders()
    {
        var venue = new SimulatedVenue(VenueOptions.Frictionless with { FillTiming = FillTiming.SameBarClose }, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101.5");
        Feed(venue, in monday);

        List<VenueReport> submitted = Send(venue, Limit(1, Side.Buy, 100, "102", monday.EndNs));

        Assert.Empty(Fills(submitted));
    }

    [Fact]
    public void One_bar_of_latency_fills_one_bar_later()
    {
        var venue = new SimulatedVenue(VenueOptions.Frictionless with { LatencyBars = 1 }, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, 100, monday.EndNs));

        Bar tuesday = Daily(1, "103", "104", "99", "100");
        Bar wednesday = Daily(2, "105", "106", "104", "105");
        List<VenueReport> onTuesday = Fills(Feed(venue, in tuesday));
        List<VenueReport> onWednesday = Fills(Feed(venue, in wednesday));

        Assert.Empty(onTuesday);
        Assert.Equal(Px("105"), Assert.Single(onWednesday).Price);
    }

    [Fact]
    public void Bars_of_other_symbols_do_not_count_toward_latency_or_fill_the_order()
    {
        var venue = new SimulatedVenue(VenueOptions.Frictionless with { LatencyBars = 1 }, 2, 16);
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, 100, monday.EndNs));

        Bar otherTuesday = Daily(1, "50", "51", "49", "50");
        Bar tuesday = Daily(1, "103", "104", "99", "100");
        Bar otherWednesday = Daily(2, "50", "51", "49", "50");
        Bar wednesday = Daily(2, "105", "106", "104", "105");

        Assert.Empty(Fills(Feed(venue, in otherTuesday, symbol: 1)));
        Assert.Empty(Fills(Feed(venue, in tuesday)));
        Assert.Empty(Fills(Feed(venue, in otherWednesday, symbol: 1)));
        Assert.Equal(Px("105"), Assert.Single(Fills(Feed(venue, in wednesday))).Price);
    }

    [Fact]
    public void An_order_never_fills_on_a_bar_that_started_before_its_decision()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");

        Send(venue, Market(1, Side.Buy, 100, monday.StartNs + 1));
        List<VenueReport> reports = Feed(venue, in monday);

        Assert.Empty(Fills(reports));
        Assert.Equal(1, venue.WorkingOrders);
    }

    [Fact]
    public void Broker_order_ids_and_fill_ids_count_from_one()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        VenueReport firstAck = Send(venue, Market(1, Side.Buy, 100, monday.EndNs))[0];
        VenueReport secondAck = Send(venue, Market(2, Side.Sell, 40, monday.EndNs))[0];

        Bar tuesday = Daily(1, "103", "104", "99", "100");
        List<VenueReport> fills = Fills(Feed(venue, in tuesday));

        Assert.Equal([1L, 2L], new[] { firstAck.BrokerOrderId, secondAck.BrokerOrderId });
        Assert.Equal([1L, 2L], fills.ConvertAll(f => f.FillId));
        Assert.Equal([1L, 2L], fills.ConvertAll(f => f.BrokerOrderId));
    }
}
