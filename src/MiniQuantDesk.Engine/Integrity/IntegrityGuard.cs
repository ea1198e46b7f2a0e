using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Engine.Integrity;

/// <summary>
/// The first handler on every market-data event: decides whether a bar may reach strategies, and whether the data
/// can be trusted at all. Per bar, in this order:
/// <list type="number">
/// <item>event time must not go backwards (else halt: every time-based check depends on it);</item>
/// <item>the symbol, timeframe and feed must be ones the guard was sized for (else reject);</item>
/// <item>the bar must be complete: flagged so, and used no earlier than its close (no lookahead);</item>
/// <item>its prices positive, high ≥ low, open and close within [low, high], volume not negative;</item>
/// <item>it must lie in a session of the calendar: a daily bar on a trading day (the New York date of its start, so
/// the edge stamps daily bars at the session open: one stamped at midnight UTC would fall on the New York day
/// before) and ending no earlier than that session's close; an N-minute bar on the N-minute grid from the open
/// (09:30, 09:35, ... for 5-minute bars; an hourly bar starts at 09:30, not 09:00), ending N minutes later or at
/// the close;</item>
/// <item>it must come after the last bar of its series from the same feed (else duplicate or out of order);</item>
/// <item>if the series already holds a bar with that start (from another feed), the two must agree within the
/// tolerance (else halt); an agreeing copy is <see cref="IntegrityAction.Corroborate"/>d, never shown twice;</item>
/// <item>a new bar must follow the last accepted one with at most the tolerated number of expected bars missing, by
/// the calendar (else disarm: a gap). Weekends, holidays, closures, early closes and nights are not gaps.</item>
/// </list>
/// A timer event (<see cref="OnTimer"/>) disarms when a bar that was due is later than the staleness bound.
/// <para>
/// Halt and disarm are sticky: once set, every bar is refused with the reason that set them, until an operator calls
/// <see cref="ClearHalt"/> (halt → disarmed) and <see cref="Arm"/> (disarmed → armed). The guard keeps following
/// its series while disarmed or halted (a sound bar still advances them), so that after re-arming it judges the next
/// bar against the latest data, not against the bar before the incident; a halt found while disarmed still escalates.
/// </para>
/// <para>
/// Pure and deterministic: time comes only from the events; all state lives in arrays allocated at construction
/// (indexed by symbol, timeframe and feed), and no call allocates. Single-threaded: the business-logic thread owns it.
/// </para>
/// </summary>
public sealed class IntegrityGuard
{
    private const long NoSlot = long.MinValue;
    private const long NotDue = long.MaxValue;

    private readonly NyseCalendar _calendar;
    private readonly int _symbolCapacity;
    private readonly int _timeframeCount;
    private readonly int _feedCount;
    private readonly int _gapTolerance;
    private readonly long _staleAfterNs;
    private readonly long _priceTolerance;
    private readonly long _volumeTolerance;
    private readonly int _window;
    private readonly int[] _timeframeIndexByMinutes;
    private readonly Timeframe[] _timeframes;
    private readonly long[] _barNs;

    // Per series (symbol × timeframe), each series' state in one struct: a bar reads and writes one place.
    private readonly SeriesState[] _series;
    private readonly AcceptedBarCopy[] _copies;

    // Per series × feed.
    private readonly FeedState[] _feeds;

    private long _lastEventTimeNs = long.MinValue;
    private IntegrityDecision _sticky;

    // The intraday session the last placed bar fell in: the next bar of the same session is placed with two
    // comparisons instead of a day search. Empty until the first bar (open > close).
    private int _sessionOrdinal = -1;
    private long _sessionOpenNs = long.MaxValue;
    private long _sessionCloseNs = long.MinValue;

    /// <summary>Sizes the guard for <paramref name="options"/> over <paramref name="calendar"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public IntegrityGuard(NyseCalendar calendar, IntegrityOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _calendar = calendar;
        _symbolCapacity = options.SymbolCapacity;
        _timeframes = [.. options.Timeframes];
        _timeframeCount = _timeframes.Length;
        _feedCount = options.FeedCount;
        _gapTolerance = options.GapToleranceBars;
        _staleAfterNs = options.StaleAfterNs;
        _priceTolerance = options.PriceToleranceMicros;
        _volumeTolerance = options.VolumeTolerance;
        _window = options.CopyWindowBars;

        _timeframeIndexByMinutes = new int[391];
        Array.Fill(_timeframeIndexByMinutes, -1);
        _barNs = new long[_timeframeCount];
        for (int t = 0; t < _timeframeCount; t++)
        {
            _timeframeIndexByMinutes[_timeframes[t].Minutes] = t;
            _barNs[t] = NyseCalendar.BarNs(_timeframes[t]);
        }

        int series = checked(_symbolCapacity * _timeframeCount);
        _series = new SeriesState[series];
        Array.Fill(_series, new SeriesState
        {
            LatestSlot = NoSlot,
            LatestStartNs = NoSlot,
            NextSlot = NoSlot,
            ExpectedFromNs = NoSlot,
            DueStartNs = NotDue,
            DueEndNs = NotDue,
        });
        _copies = new AcceptedBarCopy[checked(series * _window)];
        for (int i = 0; i < _copies.Length; i++)
        {
            _copies[i].Slot = NoSlot;
        }

        _feeds = new FeedState[checked(series * _feedCount)];
        Array.Fill(_feeds, new FeedState { LastSlot = NoSlot, LastStartNs = NoSlot });
    }

    /// <summary>Armed, disarmed or halted.</summary>
    public IntegrityState State { get; private set; }

    /// <summary>True when no disarm or halt is outstanding: the gateway's integrity check.</summary>
    public bool IsArmed => State == IntegrityState.Armed;

    /// <summary>The decision that disarmed or halted the guard (returned for every bar until cleared); default when armed.</summary>
    public IntegrityDecision StickyDecision => _sticky;

    /// <summary>
    /// Decides about one bar at event time <paramref name="eventTimeNs"/> (the time the engine handles it, which
    /// must not precede the bar's close). Never throws and never allocates, whatever the bar holds.
    /// </summary>
    public IntegrityDecision OnBar(in Bar bar, long eventTimeNs)
    {
        OnBar(in bar, eventTimeNs, out IntegrityDecision decision);
        return decision;
    }

    /// <summary>
    /// <see cref="OnBar(in Bar, long)"/>, writing the decision into <paramref name="decision"/> (a ring slot's field,
    /// say) instead of returning a copy of it.
    /// </summary>
    public void OnBar(in Bar bar, long eventTimeNs, out IntegrityDecision decision)
    {
        Unsafe.SkipInit(out decision);
        Inspect(in bar, eventTimeNs, ref decision);
        Conclude(ref decision);
    }

    /// <summary>
    /// Checks, at a timer event, that no series is stale: a series that has accepted a bar (or was declared with
    /// <see cref="Expect"/>) has its next bar due at that bar's close by the calendar (no bar is due overnight, over
    /// a weekend or a holiday); when the most overdue one is later than the bound, the guard disarms.
    /// </summary>
    public IntegrityDecision OnTimer(long eventTimeNs)
    {
        if (eventTimeNs < _lastEventTimeNs)
        {
            return Concluded(TimeWentBackwards(SymbolId.None, default, -1, 0, eventTimeNs, _lastEventTimeNs));
        }

        _lastEventTimeNs = eventTimeNs;
        if (State != IntegrityState.Armed)
        {
            return _sticky;
        }

        int worst = -1;
        long worstLateness = 0;
        for (int series = 0; series < _series.Length; series++)
        {
            long due = _series[series].DueEndNs;
            if (eventTimeNs > due && eventTimeNs - due > worstLateness)
            {
                worstLateness = eventTimeNs - due;
                worst = series;
            }
        }

        if (worst < 0 || worstLateness <= _staleAfterNs)
        {
            return default;
        }

        var symbol = new SymbolId((worst / _timeframeCount) + 1);
        Timeframe timeframe = _timeframes[worst % _timeframeCount];
        var evidence = new IntegrityEvidence(timeframe, -1, _series[worst].DueStartNs, _series[worst].DueEndNs, BarField.None, -1);
        return Concluded(Decide(IntegrityAction.Disarm, ReasonCode.StaleFeed, symbol, eventTimeNs, worstLateness, _staleAfterNs, evidence));
    }

    /// <summary>
    /// Checks a corporate action's time: like every event it must not go back in time (a halt, as for a bar or a
    /// tick), and it moves the guard's clock on. It is not a bar, so no gap, staleness or feed check applies. Returns
    /// an accepting decision, or the halt (the sticky one if the guard was halted already).
    /// </summary>
    public IntegrityDecision OnCorporateAction(SymbolId symbol, long eventTimeNs)
    {
        if (eventTimeNs < _lastEventTimeNs)
        {
            return Concluded(TimeWentBackwards(symbol, default, -1, 0, eventTimeNs, _lastEventTimeNs));
        }

        _lastEventTimeNs = eventTimeNs;
        return default;
    }

    /// <summary>
    /// Declares, before its first bar, that a series must deliver every bar from <paramref name="fromNs"/> on: its
    /// first bar is then checked for a gap from that time, and it can go stale before it delivered anything.
    /// Without it, a series is followed from its first bar. Setup only (not an event).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The symbol or timeframe is not tracked, or the time is outside the calendar.</exception>
    public void Expect(SymbolId symbol, Timeframe timeframe, long fromNs)
    {
        if (symbol.Value <= 0 || symbol.Value > _symbolCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(symbol), symbol.Value, $"The guard tracks symbol ids 1 to {_symbolCapacity}.");
        }

        int t = (uint)timeframe.Minutes <= 390 ? _timeframeIndexByMinutes[timeframe.Minutes] : -1;
        if (t < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe.Minutes, "The guard does not track this timeframe.");
        }

        if (!_calendar.TryLocateDay(fromNs, out int day))
        {
            throw new ArgumentOutOfRangeException(nameof(fromNs), fromNs, "The time is outside the calendar's range.");
        }

        int series = ((symbol.Value - 1) * _timeframeCount) + t;
        long barNs = _barNs[t];
        long firstStart = _calendar.FirstBarStartAtOrAfter(day, fromNs, barNs);
        _series[series].ExpectedFromNs = fromNs;
        if (firstStart == long.MaxValue)
        {
            return;
        }

        _calendar.TryLocateDay(firstStart, out int firstDay);
        int ordinal = _calendar.OrdinalOfDay(firstDay);
        _series[series].NextSlot = barNs == 0 ? ordinal : firstStart;
        SetDue(ref _series[series], firstStart, _calendar.CloseAt(ordinal), barNs);
    }

    /// <summary>
    /// Operator: arms a disarmed guard (bars are judged normally again). A halted guard is not armed: clear the halt
    /// first, on purpose, so that a halt always takes two deliberate steps to undo.
    /// </summary>
    /// <returns>True when the guard is now armed; false when it is halted.</returns>
    public bool Arm()
    {
        if (State == IntegrityState.Halted)
        {
            return false;
        }

        State = IntegrityState.Armed;
        _sticky = default;
        return true;
    }

    /// <summary>Operator: turns a halt into a disarm with the same reason; <see cref="Arm"/> then arms the guard.</summary>
    /// <returns>True when a halt was cleared; false when the guard was not halted.</returns>
    public bool ClearHalt()
    {
        if (State != IntegrityState.Halted)
        {
            return false;
        }

        State = IntegrityState.Disarmed;
        _sticky = _sticky with { Action = IntegrityAction.Disarm };
        return true;
    }

    private static IntegrityDecision Decide(
        IntegrityAction action, ReasonCode code, SymbolId symbol, long eventTimeNs, long observed, long limit, in IntegrityEvidence evidence) =>
        new(action, new Reason(code, symbol, eventTimeNs, observed, limit), evidence);

    private static IntegrityDecision TimeWentBackwards(SymbolId symbol, Timeframe timeframe, int feed, long startNs, long eventTimeNs, long lastEventTimeNs) =>
        Decide(IntegrityAction.Halt, ReasonCode.TimeWentBackwards, symbol, eventTimeNs, eventTimeNs, lastEventTimeNs, new IntegrityEvidence(timeframe, feed, startNs, lastEventTimeNs, BarField.None, -1));

    private IntegrityDecision Concluded(IntegrityDecision finding)
    {
        Conclude(ref finding);
        return finding;
    }

    /// <summary>Applies the sticky state to a finding, in place: a disarm or halt sets it (halt over disarm, never
    /// the reverse); while it is set, every decision is the one that set it.</summary>
    private void Conclude(ref IntegrityDecision finding)
    {
        switch (finding.Action)
        {
            case IntegrityAction.Halt when State != IntegrityState.Halted:
                State = IntegrityState.Halted;
                _sticky = finding;
                return;
            case IntegrityAction.Disarm when State == IntegrityState.Armed:
                State = IntegrityState.Disarmed;
                _sticky = finding;
                return;
            default:
                if (State != IntegrityState.Armed)
                {
                    finding = _sticky;
                }

                return;
        }
    }

    /// <summary>Writes the finding about one bar, before the sticky state, into <paramref name="finding"/>. Every
    /// refusal is written by a call out of line, so the usual bar runs through comparisons and array reads only.</summary>
    private void Inspect(in Bar bar, long eventTimeNs, ref IntegrityDecision finding)
    {
        if (eventTimeNs < _lastEventTimeNs)
        {
            RefuseBackwards(ref finding, in bar, eventTimeNs, _lastEventTimeNs);
            return;
        }

        _lastEventTimeNs = eventTimeNs;
        SymbolId symbol = bar.Symbol;
        if (symbol.Value <= 0 || symbol.Value > _symbolCapacity)
        {
            Refuse(ref finding, IntegrityAction.Reject, ReasonCode.UnknownSymbol, in bar, eventTimeNs, symbol.Value, _symbolCapacity);
            return;
        }

        int minutes = bar.Timeframe.Minutes;
        int t = (uint)minutes <= 390 ? _timeframeIndexByMinutes[minutes] : -1;
        if (t < 0)
        {
            Refuse(ref finding, IntegrityAction.Reject, ReasonCode.UntrackedTimeframe, in bar, eventTimeNs, minutes, 0);
            return;
        }

        int feed = bar.FeedId;
        if ((uint)feed >= (uint)_feedCount)
        {
            Refuse(ref finding, IntegrityAction.Reject, ReasonCode.UnknownFeed, in bar, eventTimeNs, feed, _feedCount - 1);
            return;
        }

        if (!bar.IsComplete)
        {
            Refuse(ref finding, IntegrityAction.Reject, ReasonCode.IncompleteBar, in bar, eventTimeNs, 0, 1);
            return;
        }

        if (eventTimeNs < bar.EndNs)
        {
            Refuse(ref finding, IntegrityAction.Reject, ReasonCode.IncompleteBar, in bar, eventTimeNs, eventTimeNs, bar.EndNs);
            return;
        }

        if (!ValuesAreSound(in bar))
        {
            RefuseInconsistent(ref finding, in bar, eventTimeNs);
            return;
        }

        long barNs = _barNs[t];
        int series = ((symbol.Value - 1) * _timeframeCount) + t;
        if (!TryPlace(in bar, eventTimeNs, barNs, _series[series].NextSlot, ref finding, out long slot, out int ordinal))
        {
            return;
        }

        int feedIndex = (series * _feedCount) + feed;
        long feedLast = _feeds[feedIndex].LastSlot;
        if (slot <= feedLast)
        {
            ReasonCode code = slot == feedLast ? ReasonCode.DuplicateBar : ReasonCode.OutOfOrderBar;
            long lastStart = _feeds[feedIndex].LastStartNs;
            Refuse(ref finding, IntegrityAction.Reject, code, in bar, eventTimeNs, bar.StartNs, lastStart, referenceNs: lastStart);
            return;
        }

        _feeds[feedIndex].LastSlot = slot;
        _feeds[feedIndex].LastStartNs = bar.StartNs;
        if (slot <= _series[series].LatestSlot)
        {
            CompareWithAcceptedCopy(ref finding, in bar, eventTimeNs, series, slot);
            return;
        }

        AcceptNew(in bar, eventTimeNs, series, slot, ordinal, barNs, ref finding);
    }

    /// <summary>The evidence every finding about a bar starts from: its series, feed and start.</summary>
    private static IntegrityEvidence EvidenceOf(in Bar bar) => new(bar.Timeframe, bar.FeedId, bar.StartNs, 0, BarField.None, -1);

    /// <summary>Writes a refusal of <paramref name="bar"/> (out of line: refusals are rare and their temporaries
    /// would otherwise weigh on every bar's stack frame).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Refuse(
        ref IntegrityDecision finding, IntegrityAction action, ReasonCode code, in Bar bar, long eventTimeNs, long observed, long limit, long referenceNs = 0) =>
        finding = Decide(action, code, bar.Symbol, eventTimeNs, observed, limit, EvidenceOf(in bar) with { ReferenceNs = referenceNs });

    /// <summary>Writes the halt for an event time before the last one (out of line, as above).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RefuseBackwards(ref IntegrityDecision finding, in Bar bar, long eventTimeNs, long lastEventTimeNs) =>
        finding = TimeWentBackwards(bar.Symbol, bar.Timeframe, bar.FeedId, bar.StartNs, eventTimeNs, lastEventTimeNs);

    /// <summary>Writes the refusal of a bar whose values are inconsistent (out of line, as above).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RefuseInconsistent(ref IntegrityDecision finding, in Bar bar, long eventTimeNs) =>
        finding = CheckValues(in bar, eventTimeNs, EvidenceOf(in bar));

    /// <summary>Writes the finding about a bar the series already holds (out of line, as above).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CompareWithAcceptedCopy(ref IntegrityDecision finding, in Bar bar, long eventTimeNs, int series, long slot) =>
        finding = CompareWithAcceptedCopy(in bar, eventTimeNs, series, slot, EvidenceOf(in bar));

    /// <summary>True exactly when <see cref="CheckValues"/> finds nothing wrong: the usual bar, in a few comparisons.</summary>
    private static bool ValuesAreSound(in Bar bar)
    {
        long open = bar.Open.Micros;
        long high = bar.High.Micros;
        long low = bar.Low.Micros;
        long close = bar.Close.Micros;
        return low > 0 && high >= low && open >= low && open <= high && close >= low && close <= high && bar.Volume >= 0;
    }

    private static IntegrityDecision CheckValues(in Bar bar, long eventTimeNs, in IntegrityEvidence evidence)
    {
        SymbolId symbol = bar.Symbol;
        long open = bar.Open.Micros;
        long high = bar.High.Micros;
        long low = bar.Low.Micros;
        long close = bar.Close.Micros;
        BarField nonPositive = open <= 0 ? BarField.Open : high <= 0 ? BarField.High : low <= 0 ? BarField.Low : close <= 0 ? BarField.Close : BarField.None;
        if (nonPositive != BarField.None)
        {
            long value = nonPositive switch { BarField.Open => open, BarField.High => high, BarField.Low => low, _ => close };
            return Decide(IntegrityAction.Reject, ReasonCode.NonPositivePrice, symbol, eventTimeNs, value, 0, evidence with { Field = nonPositive });
        }

        if (high < low)
        {
            return Decide(IntegrityAction.Reject, ReasonCode.InconsistentBar, symbol, eventTimeNs, high, low, evidence with { Field = BarField.High });
        }

        if (open < low || open > high)
        {
            return Decide(IntegrityAction.Reject, ReasonCode.InconsistentBar, symbol, eventTimeNs, open, open < low ? low : high, evidence with { Field = BarField.Open });
        }

        if (close < low || close > high)
        {
            return Decide(IntegrityAction.Reject, ReasonCode.InconsistentBar, symbol, eventTimeNs, close, close < low ? low : high, evidence with { Field = BarField.Close });
        }

        if (bar.Volume < 0)
        {
            return Decide(IntegrityAction.Reject, ReasonCode.NegativeVolume, symbol, eventTimeNs, bar.Volume, 0, evidence with { Field = BarField.Volume });
        }

        return default;
    }

    /// <summary>Finds the bar's session and its slot in the series: the session ordinal for a daily bar, the start
    /// for an intraday bar. <paramref name="expectedSlot"/> is the series' next expected bar, which is on the grid. False
    /// (with the refusal written into <paramref name="finding"/>) when the bar has no place.</summary>
    private bool TryPlace(in Bar bar, long eventTimeNs, long barNs, long expectedSlot, ref IntegrityDecision finding, out long slot, out int ordinal)
    {
        long start = bar.StartNs;
        if (barNs != 0 && start >= _sessionOpenNs && start < _sessionCloseNs)
        {
            // A session lies inside its New York day, so a start inside the last session's hours is in that session.
            return TryPlaceIntraday(in bar, eventTimeNs, barNs, expectedSlot, _sessionOrdinal, ref finding, out slot, out ordinal);
        }

        return TryPlaceByCalendar(in bar, eventTimeNs, barNs, expectedSlot, ref finding, out slot, out ordinal);
    }

    /// <summary><see cref="TryPlace"/> for a bar outside the cached session: locates its day in the calendar.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryPlaceByCalendar(in Bar bar, long eventTimeNs, long barNs, long expectedSlot, ref IntegrityDecision finding, out long slot, out int ordinal)
    {
        slot = NoSlot;
        ordinal = -1;
        long start = bar.StartNs;
        if (!_calendar.TryLocateDay(start, out int day))
        {
            Refuse(ref finding, IntegrityAction.Reject, ReasonCode.OutsideSession, in bar, eventTimeNs, start, 0);
            return false;
        }

        if (barNs == 0)
        {
            ordinal = _calendar.OrdinalOfDay(day);
            if (ordinal < 0)
            {
                Refuse(ref finding, IntegrityAction.Reject, ReasonCode.OutsideSession, in bar, eventTimeNs, start, 0);
                return false;
            }

            long close = _calendar.CloseAt(ordinal);
            if (bar.EndNs < close)
            {
                // A daily bar that ends before its session closes cannot hold the whole session.
                Refuse(ref finding, IntegrityAction.Reject, ReasonCode.IncompleteBar, in bar, eventTimeNs, bar.EndNs, close);
                return false;
            }

            slot = ordinal;
            return true;
        }

        int session = _calendar.SessionContaining(day, start);
        if (session < 0)
        {
            Refuse(ref finding, IntegrityAction.Reject, ReasonCode.OutsideSession, in bar, eventTimeNs, start, 0);
            return false;
        }

        _sessionOrdinal = session;
        _sessionOpenNs = _calendar.OpenAt(session);
        _sessionCloseNs = _calendar.CloseAt(session);
        return TryPlaceIntraday(in bar, eventTimeNs, barNs, expectedSlot, session, ref finding, out slot, out ordinal);
    }

    /// <summary>Places an intraday bar whose start lies in session <paramref name="session"/> (the cached one): on
    /// the grid from the open, ending one bar later or at the close.</summary>
    private bool TryPlaceIntraday(in Bar bar, long eventTimeNs, long barNs, long expectedSlot, int session, ref IntegrityDecision finding, out long slot, out int ordinal)
    {
        slot = NoSlot;
        ordinal = session;
        long start = bar.StartNs;

        // The series' next expected start is on the grid (it is the open or a whole number of bars after it), so
        // the usual bar needs no division.
        if (start != expectedSlot)
        {
            long offset = (start - _sessionOpenNs) % barNs;
            if (offset != 0)
            {
                Refuse(ref finding, IntegrityAction.Reject, ReasonCode.MisalignedBar, in bar, eventTimeNs, start, start - offset);
                return false;
            }
        }

        long end = Math.Min(start + barNs, _sessionCloseNs);
        if (bar.EndNs != end)
        {
            Refuse(ref finding, IntegrityAction.Reject, ReasonCode.MisalignedBar, in bar, eventTimeNs, bar.EndNs, end);
            return false;
        }

        slot = start;
        return true;
    }

    /// <summary>A bar the series already holds (another feed delivered it first): agree → corroborate; disagree → halt.</summary>
    private IntegrityDecision CompareWithAcceptedCopy(in Bar bar, long eventTimeNs, int series, long slot, in IntegrityEvidence evidence)
    {
        int first = series * _window;
        int newest = _series[series].WindowNext;
        for (int k = 1; k <= _window; k++)
        {
            ref AcceptedBarCopy copy = ref _copies[first + ((newest - k + _window) % _window)];
            if (copy.Slot != slot)
            {
                continue;
            }

            IntegrityEvidence against = evidence with { ReferenceNs = copy.StartNs, OtherFeedId = copy.FeedId };
            BarField field =
                Differs(bar.Open.Micros, copy.Open, _priceTolerance) ? BarField.Open
                : Differs(bar.High.Micros, copy.High, _priceTolerance) ? BarField.High
                : Differs(bar.Low.Micros, copy.Low, _priceTolerance) ? BarField.Low
                : Differs(bar.Close.Micros, copy.Close, _priceTolerance) ? BarField.Close
                : Differs(bar.Volume, copy.Volume, _volumeTolerance) ? BarField.Volume
                : BarField.None;
            if (field == BarField.None)
            {
                return new IntegrityDecision(IntegrityAction.Corroborate, Reason.None, against);
            }

            (long observed, long accepted) = field switch
            {
                BarField.Open => (bar.Open.Micros, copy.Open),
                BarField.High => (bar.High.Micros, copy.High),
                BarField.Low => (bar.Low.Micros, copy.Low),
                BarField.Close => (bar.Close.Micros, copy.Close),
                _ => (bar.Volume, copy.Volume),
            };
            return Decide(IntegrityAction.Halt, ReasonCode.FeedDisagreement, bar.Symbol, eventTimeNs, observed, accepted, against with { Field = field });
        }

        // Older than the bars kept for comparison, or a bar the series never had: it cannot be checked, so it is refused.
        long latest = _series[series].LatestStartNs;
        return Decide(IntegrityAction.Reject, ReasonCode.OutOfOrderBar, bar.Symbol, eventTimeNs, bar.StartNs, latest, evidence with { ReferenceNs = latest });
    }

    /// <summary>A bar after the series' latest: the gap check, then it becomes the latest and is kept for comparison.</summary>
    private void AcceptNew(in Bar bar, long eventTimeNs, int series, long slot, int ordinal, long barNs, ref IntegrityDecision finding)
    {
        ref SeriesState state = ref _series[series];
        long missing = MissingBefore(ref state, slot, barNs);
        long after = state.LatestStartNs != NoSlot ? state.LatestStartNs : state.ExpectedFromNs;

        state.LatestSlot = slot;
        state.LatestStartNs = bar.StartNs;
        if (_feedCount > 1)
        {
            KeepCopy(in bar, ref state, series, slot);
        }

        AdvanceExpectation(ref state, slot, ordinal, barNs);

        if (missing > _gapTolerance)
        {
            Refuse(ref finding, IntegrityAction.Disarm, ReasonCode.GapDetected, in bar, eventTimeNs, missing, _gapTolerance, referenceNs: after);
            return;
        }

        finding = new IntegrityDecision(IntegrityAction.Accept, default, EvidenceOf(in bar));
    }

    /// <summary>Keeps an accepted bar for comparison with a later copy from another feed. With a single feed no such
    /// copy can come (that feed's own repeat is a duplicate, refused before any comparison), so nothing is kept.</summary>
    private void KeepCopy(in Bar bar, ref SeriesState state, int series, long slot)
    {
        ref AcceptedBarCopy copy = ref _copies[(series * _window) + state.WindowNext];
        copy.Slot = slot;
        copy.StartNs = bar.StartNs;
        copy.Open = bar.Open.Micros;
        copy.High = bar.High.Micros;
        copy.Low = bar.Low.Micros;
        copy.Close = bar.Close.Micros;
        copy.Volume = bar.Volume;
        copy.FeedId = bar.FeedId;
        int nextInWindow = state.WindowNext + 1;
        state.WindowNext = nextInWindow == _window ? 0 : nextInWindow;
    }

    /// <summary>How many bars the calendar expects between the series' next expected bar and this one.</summary>
    private long MissingBefore(ref SeriesState state, long slot, long barNs)
    {
        long next = state.NextSlot;
        if (next == NoSlot || slot <= next)
        {
            return 0;
        }

        if (barNs == 0)
        {
            return slot - next;
        }

        _calendar.TryLocateDay(next, out int nextDay);
        _calendar.TryLocateDay(slot, out int day);
        return _calendar.CountBarStarts(nextDay, next, day, slot, barNs);
    }

    /// <summary>Moves the series' next expected bar (and when it is due) past the bar just accepted.</summary>
    private void AdvanceExpectation(ref SeriesState state, long slot, int ordinal, long barNs)
    {
        if (barNs == 0)
        {
            int nextOrdinal = ordinal + 1;
            state.NextSlot = nextOrdinal;
            if (nextOrdinal < _calendar.TradingDayCount)
            {
                SetDue(ref state, _calendar.OpenAt(nextOrdinal), _calendar.CloseAt(nextOrdinal), barNs);
            }
            else
            {
                state.DueStartNs = state.DueEndNs = NotDue;
            }

            return;
        }

        // The bar's session is the cached one whenever the bar was placed within it, as the usual bar is.
        long close = ordinal == _sessionOrdinal ? _sessionCloseNs : _calendar.CloseAt(ordinal);
        long nextStart = slot + barNs;
        if (nextStart < close)
        {
            state.NextSlot = nextStart;
            SetDue(ref state, nextStart, close, barNs);
        }
        else if (ordinal + 1 < _calendar.TradingDayCount)
        {
            state.NextSlot = _calendar.OpenAt(ordinal + 1);
            SetDue(ref state, state.NextSlot, _calendar.CloseAt(ordinal + 1), barNs);
        }
        else
        {
            state.NextSlot = long.MaxValue;
            state.DueStartNs = state.DueEndNs = NotDue;
        }
    }

    /// <summary>The next bar of a series starts at <paramref name="start"/> in a session that closes at
    /// <paramref name="close"/>; it is due at its own close (a daily bar: the session's close).</summary>
    private static void SetDue(ref SeriesState state, long start, long close, long barNs)
    {
        state.DueStartNs = start;
        state.DueEndNs = barNs == 0 ? close : Math.Min(start + barNs, close);
    }

    private static bool Differs(long value, long accepted, long tolerance) =>
        value > accepted ? value - accepted > tolerance : accepted - value > tolerance;

    /// <summary>One series' state: its latest accepted bar, the next one expected and when that one is due.</summary>
    private struct SeriesState
    {
        public long LatestSlot;
        public long LatestStartNs;
        public long NextSlot;
        public long ExpectedFromNs;
        public long DueStartNs;
        public long DueEndNs;
        public int WindowNext;
    }

    /// <summary>One feed's last bar in one series.</summary>
    private struct FeedState
    {
        public long LastSlot;
        public long LastStartNs;
    }
}
