using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class RejectTests
{
    private static readonly long s_decision = Daily(0, "100", "102", "98", "101").EndNs;

    private static VenueOrder Valid => Limit(10, Side.Buy, 100, "99", s_decision);

    public static TheoryData<string, VenueRejectReason> InvalidOrders => new()
    {
        { "no client order id", VenueRejectReason.MissingClientOrderId },
        { "zero quantity", VenueRejectReason.NonPositiveQuantity },
        { "negative quantity", VenueRejectReason.NonPositiveQuantity },
        { "limit without a limit price", VenueRejectReason.MissingLimitPrice },
        { "stop without a stop price", VenueRejectReason.MissingStopPrice },
        { "stop-limit without a limit price", VenueRejectReason.MissingLimitPrice },
        { "market with a limit price", VenueRejectReason.UnexpectedLimitPrice },
        { "limit with a stop price", VenueRejectReason.UnexpectedStopPrice },
        { "symbol beyond capacity", VenueRejectReason.UnknownSymbol },
        { "negative symbol", VenueRejectReason.UnknownSymbol },
        { "no side", VenueRejectReason.InvalidSide },
        { "no type", VenueRejectReason.UnsupportedOrderType },
        { "immediate or cancel", VenueRejectReason.UnsupportedTimeInForce },
        { "day order decided in 1970", VenueRejectReason.OutsideCalendar },
    };

    private static VenueOrder Make(string name) => name switch
    {
        "no client order id" => Valid with { ClientOrderId = ClientOrderId.None },
        "zero quantity" => Valid with { Quantity = 0 },
        "negative quantity" => Valid with { Quantity = -5 },
        "limit without a limit price" => Valid with { LimitPrice = default },
        "stop without a stop price" => Valid with { Type = OrderType.Stop, LimitPrice = default },
        "stop-limit without a limit price" => Valid with { Type = OrderType.StopLimit, LimitPrice = default, StopPrice = Px("98") },
        "market with a limit price" => Valid with { Type = OrderType.Market },
        "limit with a stop price" => Valid with { StopPrice = Px("98") },
        "symbol beyond capacity" => Valid with { SymbolIndex = 1 },
        "negative symbol" => Valid with { SymbolIndex = -1 },
        "no side" => Valid with { Side = Side.None },
        "no type" => Valid with { Type = OrderType.None },
        "immediate or cancel" => Valid with { TimeInForce = TimeInForce.ImmediateOrCancel },
        "day order decided in 1970" => Valid with { TimeInForce = TimeInForce.Day, DecisionTimeNs = 0 },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    [Theory]
    [MemberData(nameof(InvalidOrders))]
    public void An_invalid_order_is_rejected_with_its_reason_and_never_works(string invalidOrder, VenueRejectReason expected)
    {
        SimulatedVenue venue = Frictionless();
        VenueOrder order = Make(invalidOrder);

        VenueReport reject = Assert.Single(Send(venue, order));

        Assert.Equal(VenueReportKind.Reject, reject.Kind);
        Assert.Equal(expected, reject.Reason);
        Assert.Equal(0, reject.BrokerOrderId);
        Assert.Equal(0, venue.WorkingOrders);
        Assert.Equal(1, venue.Statistics.Rejected);
    }

    [Fact]
    public void The_valid_order_the_reject_cases_start_from_is_accepted()
    {
        SimulatedVenue venue = Frictionless();

        Assert.Equal(VenueReportKind.Ack, Assert.Single(Send(venue, Valid)).Kind);
    }

    [Fact]
    public void A_good_till_canceled_order_needs_no_calendar_session()
    {
        SimulatedVenue venue = Frictionless();

        VenueReport ack = Assert.Single(Send(venue, Valid with { DecisionTimeNs = 0 }));

        Assert.Equal(VenueReportKind.Ack, ack.Kind);
    }

    [Fact]
    public void A_client_order_id_used_before_or_out_of_order_is_rejected_as_a_duplicate()
    {
        SimulatedVenue venue = Frictionless();
        Send(venue, Limit(5, Side.Buy, 100, "99", s_decision));

        VenueReport again = Assert.Single(Send(venue, Limit(5, Side.Buy, 100, "99", s_decision)));
        VenueReport earlier = Assert.Single(Send(venue, Limit(4, Side.Buy, 100, "99", s_decision)));

        Assert.Equal(VenueRejectReason.DuplicateClientOrderId, again.Reason);
        Assert.Equal(VenueRejectReason.DuplicateClientOrderId, earlier.Reason);
        Assert.Equal(1, venue.WorkingOrders);
    }

    [Fact]
    public void An_order_beyond_the_working_capacity_is_rejected_and_a_freed_slot_is_reused()
    {
        var venue = new SimulatedVenue(VenueOptions.Frictionless, 1, 1);
        Send(venue, Limit(1, Side.Buy, 100, "99", s_decision));

        VenueReport full = Assert.Single(Send(venue, Limit(2, Side.Buy, 100, "99", s_decision)));
        venue.Cancel(Id(1), s_decision);
        Drain(venue);
        VenueReport accepted = Assert.Single(Send(venue, Limit(3, Side.Buy, 100, "99", s_decision)));

        Assert.Equal(VenueRejectReason.CapacityFull, full.Reason);
        Assert.Equal(VenueReportKind.Ack, accepted.Kind);
    }
}
