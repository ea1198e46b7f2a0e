using System.Globalization;
using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Running;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>
/// What a run does with the corporate actions inside its data: where it must stop, which actions the engine applies
/// and when, and notes for the report. The bars are never rewritten: the data stay as they are, and the engine is told.
/// <list type="bullet">
/// <item><b>apply</b>: each action inside the data is scheduled as an engine event at its ex-date's session open,
/// with the previous close as its reference price; the runner publishes it before the first bar of that session.
/// At a split the engine rescales positions (cash in lieu for a fraction), open orders and the strategy's price
/// history, and the venue its resting orders; a dividend is paid into cash (a short pays it). A split the data already
/// reflect (no jump of about the ratio between the two sessions) is not applied, so it is not applied twice.</item>
/// <item><b>forbid</b>: the run stops at the first bar of the first action's session, with the reason.</item>
/// <item>neither: a split that the data cross unadjusted (the prices jump by about the ratio) refuses the run.</item>
/// </list>
/// </summary>
/// <param name="Series">The series the run reads (as loaded).</param>
/// <param name="Stops">Where the run stops (forbid).</param>
/// <param name="Notes">What was done with each action, for the report.</param>
/// <param name="Actions">The actions the engine applies, in time order (apply).</param>
public sealed record CorporateActionPlan(IReadOnlyList<BarSeries> Series, IReadOnlyList<RunStop> Stops, IReadOnlyList<string> Notes, IReadOnlyList<ScheduledCorporateAction> Actions)
{
    /// <summary>How far the price jump across a split may be from its ratio and still count as unadjusted.</summary>
    private const double JumpTolerance = 0.25;

    /// <summary>Plans <paramref name="actions"/> for <paramref name="series"/> under <paramref name="mode"/>.</summary>
    /// <exception cref="BacktestRefusedException">Neither mode was chosen and the data cross a split unadjusted, or
    /// a dividend is not below the previous close.</exception>
    public static CorporateActionPlan Create(IReadOnlyList<BarSeries> series, IReadOnlyList<CorporateAction> actions, CorporateActionsMode mode)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(actions);
        var stops = new List<RunStop>();
        var notes = new List<string>();
        var scheduled = new List<ScheduledCorporateAction>();
        for (int index = 0; index < series.Count; index++)
        {
            BarSeries one = series[index];
            Bar[] bars = one.Bars;
            foreach (CorporateAction action in actions.Where(a => a.Symbol == one.Symbol).OrderBy(a => a.Date))
            {
                int first = FirstBarOnOrAfter(bars, action.Date);
                if (first <= 0 || first >= bars.Length)
                {
                    continue; // outside the data, or on its first bar: nothing held before it, nothing crossed
                }

                string what = Describe(action);
                bool jumps = action.Kind == CorporateActionKind.Split && JumpsBy(bars[first - 1], bars[first], action);
                switch (mode)
                {
                    case CorporateActionsMode.Forbid:
                        stops.Add(new RunStop(bars[first].EndNs, $"{what}: --corporate-actions-mode forbid stops the run at the first bar of that session"));
                        break;
                    case CorporateActionsMode.Apply when action.Kind == CorporateActionKind.Split && !jumps:
                        notes.Add($"{what}: the data already reflect it (no jump of about the ratio), not applied again");
                        break;
                    case CorporateActionsMode.Apply:
                        scheduled.Add(Schedule(action, what, new SymbolId(index + 1), bars[first - 1], bars[first]));
                        notes.Add(action.Kind == CorporateActionKind.Split
                            ? $"{what}: applied by the engine at that session's open (positions, open orders and the strategy's prices rescaled; a fractional share paid as cash)"
                            : $"{what}: applied by the engine at that session's open (paid into cash; a short position pays it)");
                        break;
                    default:
                        if (jumps)
                        {
                            throw new BacktestRefusedException(
                                $"{one.Path}: the data cross the {what} unadjusted (close {bars[first - 1].Close} before it, open {bars[first].Open} on it). " +
                                "Pass --corporate-actions-mode apply to adjust for it, or --corporate-actions-mode forbid to stop the run there.");
                        }

                        break;
                }
            }
        }

        stops.Sort((a, b) => a.AtNs.CompareTo(b.AtNs));
        return new CorporateActionPlan(series, stops, notes, [.. scheduled.OrderBy(a => a.AtNs).ThenBy(a => a.Action.Symbol.Value)]);
    }

    /// <summary>The engine event for <paramref name="action"/>: at the open of the session of its first bar, with
    /// the close before it as the reference price.</summary>
    private static ScheduledCorporateAction Schedule(CorporateAction action, string what, SymbolId symbol, in Bar before, in Bar first)
    {
        NyseCalendar calendar = NyseCalendar.Default;
        long atNs = calendar.SessionOpenNs(calendar.NewYorkDate(first.StartNs));
        if (action.Kind == CorporateActionKind.Split)
        {
            return new ScheduledCorporateAction(atNs, what, CorporateActionEvent.Split(symbol, new SplitRatio(action.Numerator, action.Denominator), before.Close));
        }

        if (action.AmountMicros >= before.Close.Micros)
        {
            throw new BacktestRefusedException($"{what}: the dividend must be below the previous close ({before.Close}).");
        }

        return new ScheduledCorporateAction(atNs, what, CorporateActionEvent.Dividend(symbol, action.AmountMicros, before.Close));
    }

    private static string Describe(CorporateAction action) => action.Kind == CorporateActionKind.Split
        ? string.Create(CultureInfo.InvariantCulture, $"{action.Symbol} {action.Numerator}:{action.Denominator} split on {action.Date:yyyy-MM-dd}")
        : string.Create(CultureInfo.InvariantCulture, $"{action.Symbol} dividend of {DecimalText.FormatMicros(action.AmountMicros)} per share on {action.Date:yyyy-MM-dd}");

    private static int FirstBarOnOrAfter(Bar[] bars, DateOnly date)
    {
        NyseCalendar calendar = NyseCalendar.Default;
        for (int i = 0; i < bars.Length; i++)
        {
            if (calendar.NewYorkDate(bars[i].StartNs) >= date)
            {
                return i;
            }
        }

        return bars.Length;
    }

    /// <summary>True when the open after the split is about the close before it divided by the ratio.</summary>
    private static bool JumpsBy(in Bar before, in Bar after, CorporateAction split)
    {
        double ratio = (double)split.Numerator / split.Denominator;
        double jump = (double)before.Close.Micros / after.Open.Micros;
        return Math.Abs(jump - ratio) / ratio < JumpTolerance && Math.Abs(ratio - 1) > JumpTolerance / 2;
    }
}
