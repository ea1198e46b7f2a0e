using System.Globalization;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Integrity;

/// <summary>
/// The integrity guard's answer to one bar or timer event: what to do, why (a stable code and numbers), and about
/// what. <see cref="Describe"/> turns it into the sentence a person reads, off the hot path.
/// </summary>
/// <param name="Action">What to do with the bar, and whether the guard is now disarmed or halted.</param>
/// <param name="Reason">The code and evidence (None for <see cref="IntegrityAction.Accept"/> and
/// <see cref="IntegrityAction.Corroborate"/>). Observed and Limit carry: a count of missing bars and the tolerance
/// (gap); how late and the bound, in ns (stale feed); the disagreeing values (disagreement; micros or shares); the
/// offending price and its bound (inconsistent bar); the event time and the bar's close (incomplete bar).</param>
/// <param name="Evidence">Which series, feed and bar, and the time the finding refers to.</param>
public readonly record struct IntegrityDecision(IntegrityAction Action, Reason Reason, IntegrityEvidence Evidence)
{
    /// <summary>True only for <see cref="IntegrityAction.Accept"/>: a new, sound bar that strategies may see.</summary>
    public bool IsNewBar => Action == IntegrityAction.Accept;

    /// <summary>
    /// A stable, readable line: <c>GAP_DETECTED (disarm): MSFT 1m, 3 bars missing after 2024-03-05 10:41 New York
    /// (tolerance 0); the bar at 2024-03-05 10:45 New York from feed 0</c>.
    /// </summary>
    /// <param name="symbols">The symbol table, to print names instead of ids; optional.</param>
    public string Describe(SymbolTable? symbols = null)
    {
        string action = Action.ToString().ToLowerInvariant();
        if (!Reason.IsSet)
        {
            return Action == IntegrityAction.Corroborate
                ? $"CORROBORATED: feed {Evidence.FeedId}'s copy of the bar at {NewYork(Evidence.BarStartNs)} agrees with the one accepted"
                : "ACCEPTED";
        }

        string symbol = symbols is not null && symbols.Contains(Reason.Symbol)
            ? symbols.NameOf(Reason.Symbol)
            : string.Create(CultureInfo.InvariantCulture, $"symbol {Reason.Symbol.Value}");
        string series = $"{symbol} {Evidence.Timeframe}";
        string bar = $"the bar at {NewYork(Evidence.BarStartNs)} from feed {Evidence.FeedId}";
        long observed = Reason.Observed;
        long limit = Reason.Limit;
        string detail = Reason.Code switch
        {
            ReasonCode.GapDetected => Invariant($"{series}, {observed} bar{(observed == 1 ? string.Empty : "s")} missing after {NewYork(Evidence.ReferenceNs)} (tolerance {limit}); {bar}"),
            ReasonCode.StaleFeed => Invariant($"{series}, the bar due by {NewYork(Evidence.ReferenceNs)} is {Seconds(observed)} late (bound {Seconds(limit)})"),
            ReasonCode.FeedDisagreement => Invariant($"{series} bar at {NewYork(Evidence.BarStartNs)}, {Evidence.Field}: feed {Evidence.FeedId} has {Value(observed)}, feed {Evidence.OtherFeedId} had {Value(limit)}"),
            ReasonCode.DuplicateBar => $"{series}, {bar} repeats the last bar that feed delivered",
            ReasonCode.OutOfOrderBar => $"{series}, {bar} comes after the bar at {NewYork(Evidence.ReferenceNs)}",
            ReasonCode.IncompleteBar when observed == 0 && limit == 1 => $"{series}, {bar} is flagged incomplete",
            ReasonCode.IncompleteBar => $"{series}, {bar} is used at {NewYork(observed)}, before its close at {NewYork(limit)}",
            ReasonCode.InconsistentBar => Invariant($"{series}, {bar}: {Evidence.Field} {Value(observed)} is outside the bound {Value(limit)}"),
            ReasonCode.NonPositivePrice => Invariant($"{series}, {bar}: {Evidence.Field} {Value(observed)} is not positive"),
            ReasonCode.NegativeVolume => Invariant($"{series}, {bar}: volume {observed} is negative"),
            ReasonCode.OutsideSession => $"{series}, {bar} is outside every NYSE session",
            ReasonCode.MisalignedBar => $"{series}, {bar} is off the {Evidence.Timeframe} grid from the session open (observed {NewYork(observed)}, expected {NewYork(limit)})",
            ReasonCode.TimeWentBackwards => $"event time {NewYork(observed)} is before the last one seen, {NewYork(limit)}",
            _ => Reason.Describe(),
        };
        return $"{Engine.Reason.ScreamingCase(Reason.Code)} ({action}): {detail}";
    }

    private static string NewYork(long eventTimeNs) => NyseCalendar.FormatNewYork(eventTimeNs);

    private static string Seconds(long nanoseconds) => Invariant($"{nanoseconds / 1e9:0.###} s");

    /// <summary>A price as exact decimal text, a volume as a whole number.</summary>
    private string Value(long value) =>
        Evidence.Field == BarField.Volume ? value.ToString(CultureInfo.InvariantCulture) : DecimalText.FormatMicros(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
