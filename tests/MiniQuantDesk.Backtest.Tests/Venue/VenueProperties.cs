using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Tests.Venue;

public class VenueProperties
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(60);

    private static readonly Arbitrary<int> s_seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

    /// <summary>Option sets the properties range over: the defaults, friction-free, same-bar close, latency,
    /// a harsh stress, and a cap-free heavy slippage.</summary>
    private static readonly VenueOptions[] s_profiles =
    [
        VenueOptions.Conservative,
        VenueOptions.Frictionless,
        VenueOptions.Conservative with { FillTiming = FillTiming.SameBarClose },
        VenueOptions.Conservative with { LatencyBars = 1, SlippageMultiplierPercent = 200, MaxVolumeShareBps = 300 },
        VenueOptions.Conservative with { SlippageAtrBps = 5_000, SlippageCapBps = 0, CommissionBps = 3, MinCommissionMicros = 1_000_000 },
    ];

    private static VenueOptions ProfileFor(int seed) => s_profiles[seed % s_profiles.Length];

    [Fact]
    public void Total_filled_never_exceeds_the_order_quantity_and_each_fill_reports_the_running_total()
    {
        Check.One(s_config, Prop.ForAll(s_seeds, seed =>
        {
            List<VenueReport> reports = new RandomVenueScenario(ProfileFor(seed), seed, withOcoGroups: true).Run();
            var quantity = new Dictionary<ClientOrderId, long>();
            var filled = new Dictionary<ClientOrderId, long>();
            foreach (VenueReport report in reports)
            {
                switch (report.Kind)
                {
                    case VenueReportKind.Ack:
                    case VenueReportKind.Replaced:
                        quantity[report.ClientOrderId] = report.Quantity;
                        break;
                    case VenueReportKind.Fill:
                        long total = filled.GetValueOrDefault(report.ClientOrderId) + report.Quantity;
                        filled[report.ClientOrderId] = total;
                        if (report.Quantity <= 0 || total != report.FilledTotal || total > quantity[report.ClientOrderId]
                            || report.LeavesQuantity != quantity[report.ClientOrderId] - total)
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }));
    }

    [Fact]
    public void Slippage_never_favours_the_trader_buys_pay_at_least_and_sells_get_at_most_the_price_without_it()
    {
        Check.One(s_config, Prop.ForAll(s_seeds, seed =>
        {
            VenueOptions options = ProfileFor(seed);
            List<VenueReport> slipped = Fills(new RandomVenueScenario(options, seed, withOcoGroups: false).Run());
            List<VenueReport> bare = Fills(new RandomVenueScenario(options with { SlippageAtrBps = 0 }, seed, withOcoGroups: false).Run());
            if (slipped.Count != bare.Count)
            {
                return false;
            }

            for (int i = 0; i < slipped.Count; i++)
            {
                VenueReport withSlippage = slipped[i];
                VenueReport without = bare[i];
                bool sameFill = withSlippage.ClientOrderId == without.ClientOrderId && withSlippage.Quantity == without.Quantity;
                bool adverse = withSlippage.Side == Side.Buy ? withSlippage.Price >= without.Price : withSlippage.Price <= without.Price;
                if (!sameFill || !adverse)
                {
                    return false;
                }
            }

            return true;
        }));
    }

    [Fact]
    public void A_limit_or_stop_limit_order_never_fills_beyond_its_limit()
    {
        Check.One(s_config, Prop.ForAll(s_seeds, seed =>
        {
            var scenario = new RandomVenueScenario(ProfileFor(seed), seed, withOcoGroups: true);
            List<VenueReport> reports = scenario.Run();
            var limits = new Dictionary<ClientOrderId, long>();
            foreach (VenueReport report in reports)
            {
                if (report.Kind is VenueReportKind.Ack or VenueReportKind.Replaced)
                {
                    limits[report.ClientOrderId] = report.Price.Micros;
                }
                else if (report.Kind == VenueReportKind.Fill
                    && scenario.Orders[report.ClientOrderId].Type is OrderType.Limit or OrderType.StopLimit)
                {
                    long limit = limits[report.ClientOrderId];
                    bool within = report.Side == Side.Buy ? report.Price.Micros <= limit : report.Price.Micros >= limit;
                    if (!within)
                    {
                        return false;
                    }
                }
            }

            return true;
        }));
    }

    [Fact]
    public void The_same_inputs_give_the_same_reports()
    {
        Check.One(s_config, Prop.ForAll(s_seeds, seed =>
        {
            List<VenueReport> first = new RandomVenueScenario(ProfileFor(seed), seed, withOcoGroups: true).Run();
            List<VenueReport> second = new RandomVenueScenario(ProfileFor(seed), seed, withOcoGroups: true).Run();
            return first.SequenceEqual(second);
        }));
    }

    [Fact]
    public void The_random_scenarios_exercise_fills_rejects_cancels_replaces_and_expiries()
    {
        var kinds = new HashSet<VenueReportKind>();
        for (int seed = 0; seed < 20; seed++)
        {
            foreach (VenueReport report in new RandomVenueScenario(ProfileFor(seed), seed, withOcoGroups: true).Run())
            {
                kinds.Add(report.Kind);
            }
        }

        Assert.Superset(
            new HashSet<VenueReportKind> { VenueReportKind.Ack, VenueReportKind.Fill, VenueReportKind.CancelAck, VenueReportKind.Replaced, VenueReportKind.Expired },
            kinds);
    }

    private static List<VenueReport> Fills(List<VenueReport> reports) => reports.FindAll(r => r.Kind == VenueReportKind.Fill);
}
