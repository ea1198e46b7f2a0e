using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Engine.Tests.Risk;

/// <summary>Risk checks every order in a fixed order and says why, with evidence; halts are sticky.</summary>
public sealed class RiskEngineTests
{
    private static readonly SymbolId s_symbol = new(1);
    private static readonly Money s_equity = Dollars(100_000);

    [Fact]
    public void An_order_inside_every_limit_is_allowed()
    {
        var risk = new RiskEngine(new RiskLimits { MaxOrderQuantity = 100 });

        Assert.Equal(RiskDecision.Allow, risk.CheckOrder(Buy(100)));
    }

    [Fact]
    public void Cancels_are_always_allowed_even_when_halted_or_killed()
    {
        var risk = new RiskEngine(new RiskLimits());
        risk.SetKillSwitch(true);
        risk.Halt(new Reason(ReasonCode.OperatorHalt, SymbolId.None, 0, 0, 0));

        Assert.Equal(RiskDecision.Allow, RiskEngine.CheckCancel());
    }

    [Theory]
    [InlineData(0, 100_000_000, ReasonCode.NonPositiveQuantity)]
    [InlineData(-5, 100_000_000, ReasonCode.NonPositiveQuantity)]
    [InlineData(10, 0, ReasonCode.NonPositivePrice)]
    [InlineData(10, -1, ReasonCode.NonPositivePrice)]
    public void A_nonsense_order_halts_the_engine_with_a_named_reason(long quantity, long priceMicros, ReasonCode expected)
    {
        var risk = new RiskEngine(new RiskLimits());

        RiskDecision decision = risk.CheckOrder(Buy(quantity) with { ReferencePrice = new Price(priceMicros) });

        Assert.Equal((RiskAction.Halt, expected), (decision.Action, decision.Reason.Code));
        Assert.True(risk.IsHalted);
    }

    [Fact]
    public void The_kill_switch_rejects_every_new_order()
    {
        var risk = new RiskEngine(new RiskLimits());
        risk.SetKillSwitch(true);

        RiskDecision decision = risk.CheckOrder(Buy(1));

        Assert.Equal((RiskAction.Reject, ReasonCode.KillSwitch), (decision.Action, decision.Reason.Code));
    }

    [Fact]
    public void A_halt_is_sticky_until_an_operator_clears_it()
    {
        var risk = new RiskEngine(new RiskLimits { DailyLossLimit = Dollars(1_000) });
        risk.OnEquity(0, tradingDay: 1, s_equity);
        RiskDecision halted = risk.OnEquity(1, tradingDay: 1, s_equity - Dollars(1_000));

        RiskDecision nextDay = risk.CheckOrder(Buy(1) with { TradingDay = 2 });
        risk.ClearHalt();
        RiskDecision cleared = risk.CheckOrder(Buy(1) with { TradingDay = 2 });

        Assert.Equal((RiskAction.Halt, ReasonCode.DailyLossLimit), (halted.Action, halted.Reason.Code));
        Assert.Equal((RiskAction.Reject, ReasonCode.Halted, (long)ReasonCode.DailyLossLimit), (nextDay.Action, nextDay.Reason.Code, nextDay.Reason.Observed));
        Assert.Equal(RiskDecision.Allow, cleared);
    }

    [Fact]
    public void The_daily_loss_limit_counts_from_the_trading_days_starting_equity()
    {
        var risk = new RiskEngine(new RiskLimits { DailyLossLimit = Dollars(1_000) });
        risk.OnEquity(0, tradingDay: 1, s_equity);
        risk.OnEquity(1, tradingDay: 1, s_equity - Dollars(900));

        // A new day starts from where the last one ended: 900 more is not yet 1,000 lost today.
        RiskDecision nextDay = risk.OnEquity(2, tradingDay: 2, s_equity - Dollars(1_800));

        Assert.Equal(RiskDecision.Allow, nextDay);
    }

    [Fact]
    public void Drawdown_beyond_the_limit_flattens_and_halts()
    {
        var risk = new RiskEngine(new RiskLimits { MaxDrawdownBasisPoints = 1_000 });
        risk.OnEquity(0, 1, s_equity);
        risk.OnEquity(1, 2, Dollars(120_000));

        RiskDecision decision = risk.OnEquity(2, 3, Dollars(108_000));

        Assert.Equal((RiskAction.FlattenAndHalt, ReasonCode.MaxDrawdown, 1_000L, 1_000L), (decision.Action, decision.Reason.Code, decision.Reason.Observed, decision.Reason.Limit));
        Assert.True(risk.IsHalted);
    }

    [Fact]
    public void An_equity_seen_before_is_judged_again_against_a_peak_that_rose_since()
    {
        var risk = new RiskEngine(new RiskLimits { MaxDrawdownBasisPoints = 1_000 });
        RiskDecision first = risk.OnEquity(0, 1, Dollars(108_000));
        risk.OnEquity(1, 1, Dollars(120_000));

        RiskDecision again = risk.OnEquity(2, 1, Dollars(108_000));

        Assert.Equal(RiskDecision.Allow, first);
        Assert.Equal((RiskAction.FlattenAndHalt, ReasonCode.MaxDrawdown), (again.Action, again.Reason.Code));
    }

    [Fact]
    public void The_same_losing_equity_halts_again_once_an_operator_cleared_the_halt()
    {
        var risk = new RiskEngine(new RiskLimits { DailyLossLimit = Dollars(1_000) });
        risk.OnEquity(0, tradingDay: 1, s_equity);
        RiskDecision halted = risk.OnEquity(1, tradingDay: 1, s_equity - Dollars(1_000));
        risk.ClearHalt();

        RiskDecision again = risk.OnEquity(2, tradingDay: 1, s_equity - Dollars(1_000));
        RiskDecision nextDay = risk.OnEquity(3, tradingDay: 2, s_equity - Dollars(1_000));

        Assert.Equal((RiskAction.Halt, ReasonCode.DailyLossLimit), (halted.Action, halted.Reason.Code));
        Assert.Equal((RiskAction.Halt, ReasonCode.DailyLossLimit), (again.Action, again.Reason.Code));
        Assert.Equal(RiskDecision.Allow, nextDay);
    }

    [Fact]
    public void Flatten_and_halt_produces_an_order_closing_every_open_position()
    {
        long[] positions = [0, 100, 0, -40, 7];
        var orders = new FlattenOrder[4];

        int written = FlattenOrder.Plan(positions, orders);

        Assert.Equal(
            [new FlattenOrder(new SymbolId(1), Side.Sell, 100), new FlattenOrder(new SymbolId(3), Side.Buy, 40), new FlattenOrder(new SymbolId(4), Side.Sell, 7)],
            orders[..written]);
    }

    [Fact]
    public void A_storm_of_rejections_within_the_window_halts()
    {
        var risk = new RiskEngine(new RiskLimits { RejectStormCount = 3, RejectStormWindowNs = 1_000 });

        RiskDecision first = risk.RecordReject(0);
        RiskDecision second = risk.RecordReject(2_000);
        RiskDecision third = risk.RecordReject(2_500);
        RiskDecision fourth = risk.RecordReject(2_900);

        Assert.Equal([RiskAction.Allow, RiskAction.Allow, RiskAction.Allow, RiskAction.Halt], new[] { first.Action, second.Action, third.Action, fourth.Action });
        Assert.Equal(ReasonCode.RejectStorm, fourth.Reason.Code);
    }

    [Fact]
    public void A_fourth_day_trade_in_five_business_days_is_rejected_for_a_small_account()
    {
        var risk = new RiskEngine(new RiskLimits());
        risk.RecordDayTrade(10);
        risk.RecordDayTrade(12);
        risk.RecordDayTrade(14);
        OrderRequest closeToday = Sell(100) with { Position = 100, OpenedToday = true, Equity = Dollars(20_000), TradingDay = 14 };

        RiskDecision decision = risk.CheckOrder(closeToday);

        Assert.Equal((RiskAction.Reject, ReasonCode.PatternDayTrader, 3L, 3L), (decision.Action, decision.Reason.Code, decision.Reason.Observed, decision.Reason.Limit));
    }

    [Fact]
    public void Day_trades_older_than_five_business_days_no_longer_count()
    {
        var risk = new RiskEngine(new RiskLimits());
        risk.RecordDayTrade(10);
        risk.RecordDayTrade(12);
        risk.RecordDayTrade(14);

        // Trading day 15 is the fifth business day after 10: the window 11..15 holds two day trades.
        RiskDecision decision = risk.CheckOrder(Sell(100) with { Position = 100, OpenedToday = true, Equity = Dollars(20_000), TradingDay = 15 });

        Assert.Equal(RiskDecision.Allow, decision);
    }

    [Fact]
    public void The_day_trade_rule_does_not_apply_above_the_equity_threshold()
    {
        var risk = new RiskEngine(new RiskLimits());
        for (int i = 0; i < 5; i++)
        {
            risk.RecordDayTrade(14);
        }

        Assert.Equal(RiskDecision.Allow, risk.CheckOrder(Sell(100) with { Position = 100, OpenedToday = true, TradingDay = 14 }));
    }

    [Fact]
    public void Each_per_order_limit_rejects_with_the_observed_value_and_the_limit()
    {
        var risk = new RiskEngine(new RiskLimits
        {
            MaxOrderQuantity = 500,
            MaxOrderNotional = Dollars(40_000),
            MaxPositionShares = 300,
            MaxGrossExposure = Dollars(50_000),
        });

        RiskDecision quantity = risk.CheckOrder(Buy(600));
        RiskDecision notional = risk.CheckOrder(Buy(450));
        RiskDecision position = risk.CheckOrder(Buy(100) with { Position = 250 });
        RiskDecision gross = risk.CheckOrder(Buy(100) with { GrossExposure = Dollars(45_000) });

        Assert.Equal((ReasonCode.MaxOrderQuantity, 600L, 500L), (quantity.Reason.Code, quantity.Reason.Observed, quantity.Reason.Limit));
        Assert.Equal((ReasonCode.MaxOrderNotional, Dollars(45_000).Micros), (notional.Reason.Code, notional.Reason.Observed));
        Assert.Equal((ReasonCode.MaxPosition, 350L, 300L), (position.Reason.Code, position.Reason.Observed, position.Reason.Limit));
        Assert.Equal((ReasonCode.GrossExposure, Dollars(55_000).Micros), (gross.Reason.Code, gross.Reason.Observed));
        Assert.All(new[] { quantity, notional, position, gross }, d => Assert.Equal(RiskAction.Reject, d.Action));
    }

    [Fact]
    public void An_order_that_reduces_an_oversized_position_is_allowed()
    {
        var risk = new RiskEngine(new RiskLimits { MaxPositionShares = 100, MaxGrossExposure = Dollars(1_000) });

        Assert.Equal(RiskDecision.Allow, risk.CheckOrder(Sell(50) with { Position = 500, GrossExposure = Dollars(50_000) }));
    }

    [Fact]
    public void Kill_switch_is_checked_before_the_halt_and_the_halt_before_the_limits()
    {
        var risk = new RiskEngine(new RiskLimits { MaxOrderQuantity = 1 });
        risk.Halt(new Reason(ReasonCode.OperatorHalt, SymbolId.None, 0, 0, 0));

        RiskDecision halted = risk.CheckOrder(Buy(5));
        risk.SetKillSwitch(true);
        RiskDecision killed = risk.CheckOrder(Buy(5));

        Assert.Equal(ReasonCode.Halted, halted.Reason.Code);
        Assert.Equal(ReasonCode.KillSwitch, killed.Reason.Code);
    }

    [Fact]
    public void No_allowed_order_ever_breaches_a_configured_cap()
    {
        Prop.ForAll<int, int, long>((quantityRaw, positionRaw, priceAndGross) =>
        {
            int priceRaw = (int)priceAndGross;
            int grossRaw = (int)(priceAndGross >> 32);
            var limits = new RiskLimits
            {
                MaxOrderQuantity = 1_000,
                MaxOrderNotional = Dollars(50_000),
                MaxPositionShares = 2_000,
                MaxGrossExposure = Dollars(200_000),
            };
            var risk = new RiskEngine(limits);
            long quantity = 1 + Math.Abs(quantityRaw % 3_000);
            long position = positionRaw % 4_000;
            var price = new Price(1 + Math.Abs((long)priceRaw % 500_000_000));
            var gross = new Money(Math.Abs((long)grossRaw) * 1_000);
            Side side = quantityRaw % 2 == 0 ? Side.Buy : Side.Sell;
            var order = new OrderRequest(s_symbol, side, quantity, price, position, gross, s_equity, 0, 1, false);

            RiskDecision decision = risk.CheckOrder(order);
            if (!decision.IsAllowed)
            {
                return true;
            }

            long after = position + (side == Side.Buy ? quantity : -quantity);
            Money notional = Notional.Of(price, quantity);
            bool increases = Math.Abs(after) > Math.Abs(position);
            Money grossAfter = gross + Notional.Of(price, Math.Max(0, Math.Abs(after) - Math.Abs(position)));
            return quantity <= limits.MaxOrderQuantity
                && notional <= limits.MaxOrderNotional
                && (!increases || Math.Abs(after) <= limits.MaxPositionShares)
                && (!increases || grossAfter <= limits.MaxGrossExposure);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_snapshot_written_into_the_slot_is_always_the_one_built_for_the_event()
    {
        // Any sequence of what changes a snapshot (kill switch, halt, clearing it, day trades, rejections, the day
        // and the time moving on): the kept copy WriteSnapshot writes must equal a snapshot built afresh.
        Gen<int[]> steps = Gen.Choose(0, 7).ArrayOf();
        Prop.ForAll(steps.ToArbitrary(), static ops =>
        {
            var risk = new RiskEngine(new RiskLimits { RejectStormCount = 3, RejectStormWindowNs = 50 });
            long time = 0;
            int day = 1;
            RiskSnapshot written = default;
            foreach (int op in ops)
            {
                switch (op)
                {
                    case 0: risk.SetKillSwitch(true); break;
                    case 1: risk.SetKillSwitch(false); break;
                    case 2: risk.Halt(new Reason(ReasonCode.OperatorHalt, SymbolId.None, time, 0, 0)); break;
                    case 3: risk.ClearHalt(); break;
                    case 4: risk.RecordDayTrade(day); break;
                    case 5: risk.RecordReject(time); break;
                    case 6: day++; break;
                    default: time += 20; break;
                }

                risk.WriteSnapshot(time, day, ref written);
                if (written != risk.Snapshot(time, day))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Checking_a_million_orders_allocates_nothing()
    {
        var risk = new RiskEngine(new RiskLimits { MaxOrderQuantity = 1_000, RejectStormCount = 50 });
        void Run(int count)
        {
            for (int i = 0; i < count; i++)
            {
                risk.CheckOrder(Buy(1 + (i % 2_000)) with { EventTimeNs = i });
                risk.OnEquity(i, 1 + (i / 10_000), s_equity);
            }
        }

        Run(10_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(1_000_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static OrderRequest Buy(long quantity) =>
        new(s_symbol, Side.Buy, quantity, new Price(100 * Micros.PerUnit), 0, Money.Zero, s_equity, 0, 1, false);

    private static OrderRequest Sell(long quantity) => Buy(quantity) with { Side = Side.Sell };

    private static Money Dollars(long dollars) => new(dollars * Micros.PerUnit);
}
