using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

public class RoundTripBuilderTests
{
    private const long Dollar = 1_000_000;

    [Fact]
    public void A_buy_then_a_sell_of_the_same_quantity_is_one_long_round_trip_with_pnl_after_fees()
    {
        IReadOnlyList<RoundTrip> trips = RoundTripBuilder.Build(
        [
            Fills.Buy("SPY", 10, 100 * Dollar, feeMicros: 1 * Dollar, minute: 0),
            Fills.Sell("SPY", 10, 103 * Dollar, feeMicros: 1 * Dollar, minute: 5),
        ]);

        RoundTrip trip = Assert.Single(trips);
        Assert.Equal(new RoundTrip("SPY", Side.Buy, Fills.Minute(0), 100 * Dollar, Fills.Minute(5), 103 * Dollar, 10, 28 * Dollar, 2 * Dollar), trip);
    }

    [Fact]
    public void A_short_earns_when_the_price_falls()
    {
        RoundTrip trip = Assert.Single(RoundTripBuilder.Build(
        [
            Fills.Sell("QQQ", 5, 50 * Dollar),
            Fills.Buy("QQQ", 5, 45 * Dollar),
        ]));

        Assert.Equal(Side.Sell, trip.Direction);
        Assert.Equal(25 * Dollar, trip.PnlMicros);
    }

    [Fact]
    public void A_fill_that_closes_part_of_a_lot_makes_one_round_trip_for_the_matched_quantity_and_leaves_the_rest_open()
    {
        RoundTripBuilder builder = new();
        builder.Add(Fills.Buy("SPY", 10, 100 * Dollar));
        builder.Add(Fills.Sell("SPY", 4, 110 * Dollar));

        RoundTrip trip = Assert.Single(builder.RoundTrips);
        Assert.Equal(4, trip.Quantity);
        Assert.Equal(40 * Dollar, trip.PnlMicros);
        Assert.Equal(6, builder.OpenQuantity("SPY"));
    }

    [Fact]
    public void A_closing_fill_matches_the_oldest_lots_first_one_round_trip_per_lot()
    {
        IReadOnlyList<RoundTrip> trips = RoundTripBuilder.Build(
        [
            Fills.Buy("SPY", 2, 10 * Dollar, minute: 0),
            Fills.Buy("SPY", 3, 12 * Dollar, minute: 1),
            Fills.Sell("SPY", 4, 15 * Dollar, feeMicros: 7, minute: 2),
        ]);

        Assert.Equal(2, trips.Count);
        Assert.Equal((10 * Dollar, 2L, 3L), (trips[0].EntryPriceMicros, trips[0].Quantity, trips[0].FeesMicros));
        Assert.Equal((12 * Dollar, 2L, 4L), (trips[1].EntryPriceMicros, trips[1].Quantity, trips[1].FeesMicros));
        Assert.Equal((10 * Dollar) - 3, trips[0].PnlMicros);
        Assert.Equal((6 * Dollar) - 4, trips[1].PnlMicros);
    }

    [Fact]
    public void Selling_through_a_long_closes_it_and_opens_a_short_with_the_rest_of_the_fill()
    {
        RoundTripBuilder builder = new();
        builder.Add(Fills.Buy("SPY", 2, 10 * Dollar, minute: 0));
        builder.Add(Fills.Sell("SPY", 5, 11 * Dollar, feeMicros: 10, minute: 1));
        builder.Add(Fills.Buy("SPY", 3, 9 * Dollar, minute: 2));

        Assert.Equal(2, builder.RoundTrips.Count);
        Assert.Equal((Side.Buy, 2L, 4L), (builder.RoundTrips[0].Direction, builder.RoundTrips[0].Quantity, builder.RoundTrips[0].FeesMicros));
        Assert.Equal((Side.Sell, 3L, 6L), (builder.RoundTrips[1].Direction, builder.RoundTrips[1].Quantity, builder.RoundTrips[1].FeesMicros));
        Assert.Equal((6 * Dollar) - 6, builder.RoundTrips[1].PnlMicros);
        Assert.Equal(0, builder.OpenQuantity("SPY"));
    }

    [Fact]
    public void Fees_are_allocated_pro_rata_in_integers_and_add_up_exactly_to_the_fees_paid()
    {
        // 10 micros over 3 shares cannot split evenly: 3, then 3 of the remaining 7, then the last 4.
        IReadOnlyList<RoundTrip> trips = RoundTripBuilder.Build(
        [
            Fills.Buy("SPY", 3, 10 * Dollar, feeMicros: 10),
            Fills.Sell("SPY", 1, 10 * Dollar, feeMicros: 5),
            Fills.Sell("SPY", 1, 10 * Dollar, feeMicros: 5),
            Fills.Sell("SPY", 1, 10 * Dollar, feeMicros: 5),
        ]);

        Assert.Equal([8L, 8L, 9L], trips.Select(trip => trip.FeesMicros));
        Assert.Equal(25, trips.Sum(trip => trip.FeesMicros));
        Assert.Equal(-25, trips.Sum(trip => trip.PnlMicros));
    }

    [Fact]
    public void Open_lots_at_the_end_are_not_round_trips()
    {
        Assert.Empty(RoundTripBuilder.Build([Fills.Buy("SPY", 10, 100 * Dollar), Fills.Buy("SPY", 5, 101 * Dollar)]));
    }

    [Fact]
    public void Symbols_are_matched_separately()
    {
        IReadOnlyList<RoundTrip> trips = RoundTripBuilder.Build(
        [
            Fills.Buy("SPY", 1, 10 * Dollar),
            Fills.Sell("QQQ", 1, 20 * Dollar),
            Fills.Sell("SPY", 1, 11 * Dollar),
        ]);

        RoundTrip trip = Assert.Single(trips);
        Assert.Equal(("SPY", Dollar), (trip.Symbol, trip.PnlMicros));
    }

    [Fact]
    public void Round_trip_pnl_plus_fees_equals_the_realized_cash_flow_of_any_fill_sequence_that_ends_flat()
    {
        Arbitrary<int[]> quantities = Gen.ArrayOf(Gen.Choose(-30, 30)).ToArbitrary();
        Arbitrary<int> seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();
        Prop.ForAll(quantities, seeds, (signed, seed) =>
        {
            List<FillRecord> fills = FlatEndingFills(signed, (ulong)seed);
            IReadOnlyList<RoundTrip> trips = RoundTripBuilder.Build(fills);

            Int128 cashFlow = 0;
            long fees = 0;
            foreach (FillRecord fill in fills)
            {
                Int128 notional = (Int128)fill.PriceMicros * fill.Quantity;
                cashFlow += fill.Side == Side.Sell ? notional : -notional;
                fees += fill.FeeMicros;
            }

            Int128 pnl = trips.Aggregate((Int128)0, (sum, trip) => sum + trip.PnlMicros);
            long tripFees = trips.Sum(trip => trip.FeesMicros);
            return pnl + tripFees == cashFlow && tripFees == fees;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Fills on two symbols from signed quantities (0 skipped), with prices and fees from a SplitMix64
    /// stream, followed by the fills that flatten both symbols.</summary>
    private static List<FillRecord> FlatEndingFills(int[] signed, ulong seed)
    {
        SplitMix64 random = new(seed);
        Dictionary<string, long> positions = new(StringComparer.Ordinal) { ["AAA"] = 0, ["BBB"] = 0 };
        List<FillRecord> fills = [];
        int minute = 0;
        void Add(string symbol, long quantity)
        {
            long price = (long)(random.Next() % 500_000_000) + 1;
            long fee = (long)(random.Next() % 5_000_000);
            Side side = quantity > 0 ? Side.Buy : Side.Sell;
            fills.Add(new FillRecord(Fills.Minute(minute++), minute, "c", symbol, side, Math.Abs(quantity), price, fee));
            positions[symbol] += quantity;
        }

        foreach (int quantity in signed)
        {
            if (quantity != 0)
            {
                Add((random.Next() & 1) == 0 ? "AAA" : "BBB", quantity);
            }
        }

        foreach (string symbol in new[] { "AAA", "BBB" })
        {
            if (positions[symbol] != 0)
            {
                Add(symbol, -positions[symbol]);
            }
        }

        return fills;
    }
}
