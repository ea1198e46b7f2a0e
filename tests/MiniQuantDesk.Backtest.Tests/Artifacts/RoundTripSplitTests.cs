using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

/// <summary>Round trips across a split: the open lots are put on the new basis, so a trade held across it is one
/// round trip of the post-split shares, entered at the price per new share.</summary>
public class RoundTripSplitTests
{
    private const long Dollar = 1_000_000;

    [Fact]
    public void A_long_held_across_a_two_for_one_split_is_one_round_trip_of_twice_the_shares_at_half_the_entry_price()
    {
        IReadOnlyList<RoundTrip> trips = RoundTripBuilder.Build(
            [Fills.Buy("SPY", 100, 172 * Dollar, minute: 0), Fills.Sell("SPY", 200, 90 * Dollar, minute: 10)],
            [new SplitRecord(Fills.Minute(5), "SPY", 2, 1)]);

        RoundTrip trip = Assert.Single(trips);
        Assert.Equal((200L, 86 * Dollar, 90 * Dollar, 800 * Dollar), (trip.Quantity, trip.EntryPriceMicros, trip.ExitPriceMicros, trip.PnlMicros));
    }

    [Fact]
    public void A_split_of_another_symbol_or_after_the_last_fill_changes_no_closed_round_trip()
    {
        IReadOnlyList<RoundTrip> trips = RoundTripBuilder.Build(
            [Fills.Buy("SPY", 10, 100 * Dollar, minute: 0), Fills.Sell("SPY", 10, 101 * Dollar, minute: 10)],
            [new SplitRecord(Fills.Minute(5), "QQQ", 2, 1), new SplitRecord(Fills.Minute(20), "SPY", 3, 2)]);

        Assert.Equal((10L, 10 * Dollar), (Assert.Single(trips).Quantity, trips[0].PnlMicros));
    }
}
