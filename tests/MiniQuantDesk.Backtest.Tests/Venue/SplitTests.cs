using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

/// <summary>At a split the venue puts its resting orders on the new basis, as the engine's OMS does.</summary>
public class SplitTests
{
    private static readonly SplitRatio s_twoForOne = new(2, 1);

    [Fact]
    public void A_resting_buy_limit_gets_twice_the_shares_and_half_the_limit_and_fills_there_after_the_split()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 100, "95.000001", monday.EndNs));

        Assert.Equal(1, venue.ApplySplit(0, s_twoForOne, monday.EndNs + 1));
        Bar tuesday = Daily(1, "48", "49", "47", "48");
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));

        // 95.000001 ÷ 2 = 47.5000005, rounded down for a buy.
        Assert.Equal((200L, Px("47.5")), (fill.Quantity, fill.Price));
    }

    [Fact]
    public void A_resting_sell_stop_gets_its_stop_divided_and_rounded_up()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Stop(1, Side.Sell, 10, "90.000001", monday.EndNs));

        venue.ApplySplit(0, s_twoForOne, monday.EndNs + 1);

        // 45.0000005 rounds up to 45.000001: a low of exactly 45.000001 triggers it, as 90.000002 would have before.
        Bar tuesday = Daily(1, "50", "51", "45.000001", "50");
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday)));
        Assert.Equal(20L, fill.Quantity);
    }

    [Fact]
    public void A_resting_order_left_with_no_whole_share_by_a_reverse_split_expires()
    {
        SimulatedVenue venue = Frictionless();
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday);
        Send(venue, Limit(1, Side.Buy, 5, "99", monday.EndNs));

        venue.ApplySplit(0, new SplitRatio(1, 10), monday.EndNs + 1);

        VenueReport expired = Assert.Single(Drain(venue));
        Assert.Equal(VenueReportKind.Expired, expired.Kind);
        Assert.Equal(0, venue.WorkingOrders);
    }

    [Fact]
    public void Orders_of_another_symbol_are_left_as_they_were()
    {
        SimulatedVenue venue = Frictionless(symbols: 2);
        Bar monday = Daily(0, "100", "102", "98", "101");
        Feed(venue, in monday, symbol: 1);
        Send(venue, Limit(1, Side.Buy, 100, "99", monday.EndNs, symbol: 1));

        Assert.Equal(0, venue.ApplySplit(0, s_twoForOne, monday.EndNs + 1));
        Bar tuesday = Daily(1, "100", "101", "98", "100");
        VenueReport fill = Assert.Single(Fills(Feed(venue, in tuesday, symbol: 1)));
        Assert.Equal((100L, Px("99")), (fill.Quantity, fill.Price));
    }
}
