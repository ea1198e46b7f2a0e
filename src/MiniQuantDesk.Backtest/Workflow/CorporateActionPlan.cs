using System.Globalization;
using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Running;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>
/// What a run does with the corporate actions inside its data: the series it runs on, where it must stop, and notes
/// for the report.
/// <list type="bullet">
/// <item><b>apply</b>: the bars before each split are put on the post-split basis (prices ÷ ratio, volume × ratio),
/// and the bars before each dividend's ex-date are scaled by (1 − dividend ÷ previous close), so a position held
/// across the action keeps its value, as if its shares had been split or the dividend paid into it. A split the data
/// already reflect (no jump of about the ratio between the two sessions) is not applied twice.</item>
/// <item><b>forbid</b>: the run stops at the first bar of the first action's session, with the reason.</item>
/// <item>neither: a split that the data cross unadjusted (the prices jump by about the ratio) refuses the run.</item>
/// </list>
/// </summary>
public sealed record CorporateActionPlan(IReadOnlyList<BarSeries> Series, IReadOnlyList<RunStop> Stops, IReadOnlyList<string> Notes)
{
    /// <summary>How far the price jump across a split may be from its ratio and still count as unadjusted.</summary>
    private const double JumpTolerance = 0.25;

    /// <summary>Plans <paramref name="actions"/> for <paramref name="series"/> under <paramref name="mode"/>.</summary>
    /// <exception cref="BacktestRefusedException">Neither mode was chosen and the data cross a split unadjusted.</exception>
    public static CorporateActionPlan Create(IReadOnlyList<BarSeries> series, IReadOnlyList<CorporateAction> actions, CorporateActionsMode mode)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(actions);
        var planned = new List<BarSeries>();
        var stops = new List<RunStop>();
        var notes = new List<string>();
        foreach (BarSeries one in series)
        {
            Bar[] bars = one.Bars;
            bool adjusted = false;
            foreach (CorporateAction action in actions.Where(a => a.Symbol == one.Symbol).OrderByDescending(a => a.Date))
            {
                int first = FirstBarOnOrAfter(bars, action.Date);
                if (first <= 0 || first >= bars.Length)
                {
                    continue; // outside the data, or on its first bar: nothing before it to adjust, nothing crossed
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
                        bars = adjusted ? bars : (Bar[])bars.Clone();
                        adjusted = true;
                        Adjust(bars, first, action);
                        notes.Add($"{what}: applied to the {first} bars before it");
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

            planned.Add(adjusted ? new BarSeries(one.Symbol, one.Path, one.Timeframe, bars, one.Skipped, one.Sha256, one.RoundedValues) : one);
        }

        stops.Sort((a, b) => a.AtNs.CompareTo(b.AtNs));
        return new CorporateActionPlan(planned, stops, notes);
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

    private static void Adjust(Bar[] bars, int first, CorporateAction action)
    {
        // Price factor as a fraction: split → denominator / numerator; dividend → (close − amount) / close.
        long numerator;
        long denominator;
        long volumeNumerator = 1;
        long volumeDenominator = 1;
        if (action.Kind == CorporateActionKind.Split)
        {
            (numerator, denominator) = (action.Denominator, action.Numerator);
            (volumeNumerator, volumeDenominator) = (action.Numerator, action.Denominator);
        }
        else
        {
            long close = bars[first - 1].Close.Micros;
            if (action.AmountMicros <= 0 || action.AmountMicros >= close)
            {
                throw new BacktestRefusedException($"{Describe(action)}: the dividend must be positive and below the previous close ({DecimalText.FormatMicros(close)}).");
            }

            (numerator, denominator) = (close - action.AmountMicros, close);
        }

        for (int i = 0; i < first; i++)
        {
            ref Bar bar = ref bars[i];
            bar.Open = Scale(bar.Open, numerator, denominator);
            bar.High = Scale(bar.High, numerator, denominator);
            bar.Low = Scale(bar.Low, numerator, denominator);
            bar.Close = Scale(bar.Close, numerator, denominator);
            bar.Volume = (long)(((Int128)bar.Volume * volumeNumerator) / volumeDenominator);
        }
    }

    /// <summary>price × n ÷ d in exact integers, rounded half away from zero, never below one micro.</summary>
    private static Price Scale(Price price, long numerator, long denominator)
    {
        Int128 scaled = ((Int128)price.Micros * numerator * 2 + denominator) / (denominator * 2);
        return new Price((long)Int128.Max(scaled, 1));
    }
}
