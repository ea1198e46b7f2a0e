using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Integrity;

/// <summary>
/// What an integrity decision is about, beyond its <see cref="Reason"/>: which series, which feed, which bar, and
/// the time the finding refers to. Numbers only, so deciding allocates nothing.
/// </summary>
/// <param name="Timeframe">The series' timeframe.</param>
/// <param name="FeedId">The feed that delivered the bar (-1 for a timer event).</param>
/// <param name="BarStartNs">The start of the bar decided on (for a stale feed: the start of the overdue bar).</param>
/// <param name="ReferenceNs">The time the finding refers to: for a gap, the start of the last accepted bar (bars are
/// missing after it) or the time bars were expected from; for a stale feed, when the overdue bar was due (its close);
/// for an out-of-order or duplicate bar, the last bar start its feed delivered (or the series' latest); else 0.</param>
/// <param name="Field">The value concerned, for a disagreement or an inconsistent bar.</param>
/// <param name="OtherFeedId">For a disagreement, the feed whose copy was accepted first; else -1.</param>
public readonly record struct IntegrityEvidence(
    Timeframe Timeframe,
    int FeedId,
    long BarStartNs,
    long ReferenceNs,
    BarField Field,
    int OtherFeedId);
