using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Market;
using static MiniQuantDesk.Backtest.Tests.Venue.VenueTestKit;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class SlippageTests
{
    /// <summary>Conservative slippage alone: no volume cap, no commission.</summary>
    private static readonly VenueOptions s_slippageOnly = VenueOptions.Conservative with { MaxVolumeShareBps = 0, CommissionPerShareMicros = 0 };

    /// <summary>Monday's range is 4.00, the only bar before Tuesday, so the ATR is 4.00 and 5% of it is 0.20;
    /// 25 bps of Tuesday's 101 open is 0.2525. Returns the fill prices of a buy and a sell at Tuesday's open.</summary>
    private static (long Buy, long Sell) FillAtTuesdayOpen(VenueOptions options)
    {
        var venue = new SimulatedVenue(options, 1, 16);
        Bar monday = Daily(0, "100", "102", "98", "100");
        Feed(venue, in monday);
        Send(venue, Market(1, Side.Buy, 100, monday.EndNs));
        Send(venue, Market(2, Side.Sell, 100, monday.EndNs));
        Bar tuesday = Daily(1, "101", "103", "99", "102");
        List<VenueReport> fills = Fills(Feed(venue, in tuesday));
        return (fills[0].Price.Micros, fills[1].Price.Micros);
    }

    [Fact]
    public void Slippage_makes_buys_dearer_and_sells_cheaper_by_a_share_of_the_average_true_range()
    {
        (long buy, long sell) = FillAtTuesdayOpen(s_slippageOnly);

        Assert.Equal(Px("101.2").Micros, buy);
        Assert.Equal(Px("100.8").Micros, sell);
    }

    [Fact]
    public void Slippage_is_capped_by_a_share_of_the_price()
    {
        (long buy, long sell) = FillAtTuesdayOpen(s_slippageOnly with { SlippageAtrBps = 1000 });

        Assert.Equal(Px("101.2525").Micros, buy);
        Assert.Equal(Px("100.7475").Micros, sell);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(1000)]
    public void A_multiplier_of_two_doubles_the_slippage_whether_or_not_the_cap_binds(int atrBps)
    {
        long open = Px("101").Micros;
        (long buy, long sell) = FillAtTuesdayOpen(s_slippageOnly with { SlippageAtrBps = atrBps });
        (long doubledBuy, long doubledSell) = FillAtTuesdayOpen(s_slippageOnly with { SlippageAtrBps = atrBps, SlippageMultiplierPercent = 200 });

        Assert.True(buy > open);
        Assert.Equal(2 * (buy - open), doubledBuy - open);
        Assert.Equal(2 * (open - sell), open - doubledSell);
    }

    [Fact]
    public void A_symbol_first_bar_uses_its_own_range_for_slippage()
    {
        var venue = new SimulatedVenue(s_slippageOnly, 1, 16);
        Bar monday = Daily(0, "100", "101", "99.6", "100");
        Send(venue, Market(1, Side.Buy, 100, monday.StartNs));

        VenueReport fill = Assert.Single(Fills(Feed(venue, in monday)));

        Assert.Equal(Px("100.07"), fill.Price);
    }

    [Fact]
    public void Frictionless_options_have_no_slippage()
    {
        (long buy, long sell) = FillAtTuesdayOpen(VenueOptions.Frictionless);

        Assert.Equal(Px("101").Micros, buy);
        Assert.Equal(Px("101").Micros, sell);
    }
}
