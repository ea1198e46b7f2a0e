using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class CancelReplaceTests
{
    private static (SimulatedVenue Venue, Bar Monday) VenueAfterMonday(VenueOptions? options = null)
    {
        var venue = new SimulatedVenue(options ?? VenueOptions.Frictionless, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        return (venue, monday);
    }

    [Fact]
    public void A_canceled_order_reports_its_unfilled_shares_and_never_fills()
    {
        (SimulatedVenue venue, Bar monday) = VenueAfterMonday();
        Send(venue, Limit(1, Side.Buy, 100, "99", monday.EndNs));

        venue.Cancel(Id(1), monday.EndNs + 5);
        VenueReport cancel = Assert.Single(Drain(venue));
        Bar tuesday = Daily(1, "98", "99", "97", "98");

        Assert.Equal(VenueReportKind.CancelAck, cancel.Kind);
        Assert.Equal(100, cancel.Quantity);
        Assert.Equal(0, cancel.LeavesQuantity);
        Assert.Equal(monday.EndNs + 5, cancel.TimeNs);
        Assert.Equal(VenueRejectReason.None, cancel.Reason);
        Assert.Empty(Feed(venue, in tuesday));
    }

    [Fact]
    public void Canceling_an_id_never_accepted_is_rejected_as_unknown()
    {
        (SimulatedVenue venue, _) = VenueAfterMonday();

        venue.Cancel(Id(42), 0);
        VenueReport reject = Assert.Single(Drain(venue));

        Assert.Equal(VenueReportKind.CancelReject, reject.Kind);
        Assert.Equal(VenueRejectReason.UnknownOrder, reject.Reason);
    }

    [Fact]
    public void Canceling_a_filled_order_is_rejected_as_not_working()
    {
        (SimulatedVenue venue, Bar monday) = VenueAfterMonday();
        Send(venue, Market(1, Side.Buy, 100, monday.EndNs));
        Bar tuesday = Daily(1, "101", "102", "100", "101");
        Feed(venue, in tuesday);

        venue.Cancel(Id(1), tuesday.EndNs);
        VenueReport reject = Assert.Single(Drain(venue));

        Assert.Equal(VenueReportKind.CancelReject, reject.Kind);
        Assert.Equal(VenueRejectReason.OrderNotWorking, reject.Reason);
    }

    [Fact]
    public void A_replaced_limit_fills_at_its_new_price_and_quantity()
    {
        (SimulatedVenue venue, Bar monday) = VenueAfterMonday();
        Send(venue, Limit(1, Side.Buy, 100, "95", monday.EndNs));

        venue.Replace(Id(1), 250, Px("99.5"), monday.EndNs);
        VenueReport replaced = Assert.Single(Drain(venue));
        Bar tuesday = Daily(1, "100", "101", "99", "100");
        VenueReport fill = Assert.Single(Feed(venue, in tuesday));

        Assert.Equal(VenueReportKind.Replaced, replaced.Kind);
        Assert.Equal(250, replaced.LeavesQuantity);
        Assert.Equal(Px("99.5"), fill.Price);
        Assert.Equal(250, fill.Quantity);
    }

    [Fact]
    public void A_replace_below_the_filled_quantity_is_rejected_and_the_order_is_unchanged()
    {
        (SimulatedVenue venue, Bar monday) = VenueAfterMonday(VenueOptions.Frictionless with { MaxVolumeShareBps = 1000 });
        Send(venue, Market(1, Side.Buy, 1_000, monday.EndNs));
        Bar tuesday = Daily(1, "101", "102", "100", "101", volume: 4_000);
        Feed(venue, in tuesday);

        venue.Replace(Id(1), 399, default, tuesday.EndNs);
        VenueReport reject = Assert.Single(Drain(venue));

        Assert.Equal(VenueReportKind.ReplaceReject, reject.Kind);
        Assert.Equal(VenueRejectReason.QuantityBelowFilled, reject.Reason);
        Assert.Equal(600, reject.LeavesQuantity);
        Assert.Equal(1, venue.WorkingOrders);
    }

    [Fact]
    public void A_replace_down_to_the_filled_quantity_finishes_the_order()
    {
        (SimulatedVenue venue, Bar monday) = VenueAfterMonday(VenueOptions.Frictionless with { MaxVolumeShareBps = 1000 });
        Send(venue, Market(1, Side.Buy, 1_000, monday.EndNs));
        Bar tuesday = Daily(1, "101", "102", "100", "101", volume: 4_000);
        Feed(venue, in tuesday);

        venue.Replace(Id(1), 400, default, tuesday.EndNs);
        VenueReport replaced = Assert.Single(Drain(venue));

        Assert.Equal(VenueReportKind.Replaced, replaced.Kind);
        Assert.Equal(0, replaced.LeavesQuantity);
        Assert.Equal(0, venue.WorkingOrders);
    }

    [Theory]
    [InlineData(true, "0", VenueRejectReason.MissingLimitPrice)]
    [InlineData(false, "100", VenueRejectReason.UnexpectedLimitPrice)]
    [InlineData(true, "-1", VenueRejectReason.MissingLimitPrice)]
    public void A_replace_must_keep_the_limit_consistent_with_the_order_type(bool isLimitOrder, string newLimit, VenueRejectReason expected)
    {
        (SimulatedVenue venue, Bar monday) = VenueAfterMonday();
        Send(venue, isLimitOrder ? Limit(1, Side.Buy, 100, "95", monday.EndNs) : Market(1, Side.Buy, 100, monday.EndNs));

        DecimalText.TryParseMicros(newLimit, out long micros, out _);
        venue.Replace(Id(1), 100, new Price(micros), monday.EndNs);

        Assert.Equal(expected, Assert.Single(Drain(venue)).Reason);
    }

    [Fact]
    public void Replacing_an_unknown_order_is_rejected()
    {
        (SimulatedVenue venue, _) = VenueAfterMonday();

        venue.Replace(Id(3), 100, Px("10"), 0);
        VenueReport reject = Assert.Single(Drain(venue));

        Assert.Equal(VenueReportKind.ReplaceReject, reject.Kind);
        Assert.Equal(VenueRejectReason.UnknownOrder, reject.Reason);
    }
}
