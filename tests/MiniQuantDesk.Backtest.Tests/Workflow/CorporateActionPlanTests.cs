using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Running;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Tests.Workflow;

/// <summary>Apply mode leaves the bars as they are and schedules the actions as engine events.</summary>
public class CorporateActionPlanTests
{
    private static readonly DateOnly s_exDate = new(2024, 3, 6);

    [Fact]
    public void Apply_leaves_the_bars_unchanged_and_schedules_a_split_at_the_ex_dates_open_with_the_previous_close()
    {
        BarSeries series = Series(("2024-03-04", 100), ("2024-03-05", 102), ("2024-03-06", 51), ("2024-03-07", 52));
        Bar[] before = [.. series.Bars];

        CorporateActionPlan plan = CorporateActionPlan.Create([series], [new CorporateAction(s_exDate, "XYZ", CorporateActionKind.Split, 2, 1, 0)], CorporateActionsMode.Apply);

        Assert.Same(series, Assert.Single(plan.Series));
        Assert.Equal(before, series.Bars);
        ScheduledCorporateAction scheduled = Assert.Single(plan.Actions);
        Assert.Equal(NyseCalendar.Default.SessionOpenNs(s_exDate), scheduled.AtNs);
        Assert.Equal(CorporateActionEvent.Split(new SymbolId(1), new SplitRatio(2, 1), new Price(102 * Micros.PerUnit)), scheduled.Action);
        Assert.Empty(plan.Stops);
    }

    [Fact]
    public void Apply_schedules_a_dividend_and_refuses_one_not_below_the_previous_close()
    {
        BarSeries series = Series(("2024-03-04", 100), ("2024-03-05", 102), ("2024-03-06", 101));

        CorporateActionPlan plan = CorporateActionPlan.Create([series], [new CorporateAction(s_exDate, "XYZ", CorporateActionKind.Dividend, 1, 1, 620_000)], CorporateActionsMode.Apply);

        Assert.Equal(620_000, Assert.Single(plan.Actions).Action.DividendMicros);
        Assert.Throws<BacktestRefusedException>(() =>
            CorporateActionPlan.Create([series], [new CorporateAction(s_exDate, "XYZ", CorporateActionKind.Dividend, 1, 1, 102 * Micros.PerUnit)], CorporateActionsMode.Apply));
    }

    private static BarSeries Series(params (string Day, long Close)[] days)
    {
        NyseCalendar calendar = NyseCalendar.Default;
        Bar[] bars = [.. days.Select(d =>
        {
            DateOnly day = DateOnly.Parse(d.Day, System.Globalization.CultureInfo.InvariantCulture);
            var price = new Price(d.Close * Micros.PerUnit);
            return new Bar
            {
                Symbol = new SymbolId(1),
                Timeframe = Timeframe.Daily,
                StartNs = calendar.SessionOpenNs(day),
                EndNs = calendar.SessionCloseNs(day),
                Open = price,
                High = price,
                Low = price,
                Close = price,
                Volume = 1_000,
                IsComplete = true,
            };
        })];
        return new BarSeries("XYZ", "XYZ_1d.csv", Timeframe.Daily, bars, [], "0", 0);
    }
}
