using System.Globalization;
using MiniQuantDesk.Engine.Time;
using NodaTime;

namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>
/// The NYSE's sessions for every day of a range of years (1990 to 2200 at most): weekends, holidays by rule with
/// weekend observance (<see cref="NyseHolidayRules"/>), early closes by rule (<see cref="NyseEarlyCloseRules"/>) and
/// the days no rule predicts (<see cref="NyseSpecialDays"/>), with each session's open and close as UTC event time.
/// <para>
/// Everything is computed once, at construction, into flat arrays (under 3 MB for the full range, about 0.2 s to
/// build; <see cref="Default"/> builds it once per process); every query
/// after that is array arithmetic: no allocation, no time zone lookup, no clock. The instance is immutable and may be
/// shared by every engine and thread. America/New_York offsets come from NodaTime's embedded tz database, at
/// construction only.
/// </para>
/// <para>
/// Queries outside the range throw <see cref="ArgumentOutOfRangeException"/>; the integrity guard checks the range
/// first, so garbage times are refused with a reason, never an exception.
/// </para>
/// </summary>
public sealed class NyseCalendar
{
    /// <summary>The first year the calendar supports. Earlier years had rules it does not implement (Saturday
    /// sessions until 1952, Election Day closures until 1980, paperwork-crisis closures) and would be silently wrong.</summary>
    public const int EarliestYear = 1990;

    /// <summary>The last year the calendar supports: event time in nanoseconds fits a <see cref="long"/> until 2262,
    /// and rules much further ahead than that are guesses anyway.</summary>
    public const int LatestYear = 2200;

    /// <summary>The regular open, New York time.</summary>
    public static readonly TimeOnly RegularOpen = new(9, 30);

    /// <summary>The regular close, New York time.</summary>
    public static readonly TimeOnly RegularClose = new(16, 0);

    private const int RegularOpenMinute = (9 * 60) + 30;
    private const int RegularCloseMinute = 16 * 60;
    private const int RegularSessionMinutes = RegularCloseMinute - RegularOpenMinute;

    private static readonly Lazy<DateTimeZone> s_newYork = new(() => DateTimeZoneProviders.Tzdb["America/New_York"]);
    private static readonly Lazy<NyseCalendar> s_default = new(() => new NyseCalendar(EarliestYear, LatestYear));

    private readonly int _firstDayNumber;
    private readonly int _dayCount;
    private readonly MarketDayKind[] _kinds;
    private readonly NyseHoliday[] _holidays;
    private readonly short[] _openMinute;
    private readonly short[] _closeMinute;
    private readonly long[] _midnightNs;
    private readonly int[] _ordinalBefore;
    private readonly int[] _dayOfOrdinal;
    private readonly long[] _openNs;
    private readonly long[] _closeNs;
    private readonly int[] _irregularBefore;
    private readonly int[] _irregularOrdinals;
    private readonly Dictionary<int, string> _why;

    /// <summary>Builds the calendar for every year from <see cref="EarliestYear"/> to <see cref="LatestYear"/>.</summary>
    public NyseCalendar()
        : this(EarliestYear, LatestYear)
    {
    }

    /// <summary>Builds the calendar for the years <paramref name="firstYear"/> to <paramref name="lastYear"/>, inclusive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year is before 1990 or after 2200, or the range is empty.</exception>
    public NyseCalendar(int firstYear, int lastYear)
    {
        if (firstYear < EarliestYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(firstYear),
                firstYear,
                $"The NYSE calendar starts in {EarliestYear}: earlier years had rules it does not implement (Saturday sessions until 1952, Election Day closures until 1980, no Martin Luther King Jr. Day until 1998) and would be silently wrong.");
        }

        if (lastYear > LatestYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(lastYear),
                lastYear,
                $"The NYSE calendar ends in {LatestYear}: nanosecond event time ends in 2262, and holiday rules that far ahead are guesses.");
        }

        if (lastYear < firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, $"The last year must not be before the first year ({firstYear}).");
        }

        FirstDate = new DateOnly(firstYear, 1, 1);
        LastDate = new DateOnly(lastYear, 12, 31);
        _firstDayNumber = FirstDate.DayNumber;
        _dayCount = LastDate.DayNumber - _firstDayNumber + 1;
        _kinds = new MarketDayKind[_dayCount];
        _holidays = new NyseHoliday[_dayCount];
        _openMinute = new short[_dayCount];
        _closeMinute = new short[_dayCount];
        _why = [];

        MarkRegularWeek();
        for (int year = firstYear; year <= lastYear; year++)
        {
            MarkHolidays(year);
            MarkEarlyCloses(year);
        }

        MarkSpecialDays();

        _midnightNs = new long[_dayCount + 1];
        _ordinalBefore = new int[_dayCount + 1];
        int tradingDays = CountAndNumberTradingDays();
        _dayOfOrdinal = new int[tradingDays];
        _openNs = new long[tradingDays];
        _closeNs = new long[tradingDays];
        _irregularBefore = new int[tradingDays + 1];
        _irregularOrdinals = FillSessions(tradingDays);
    }

    /// <summary>The full calendar, 1990 to 2200, built once on first use and shared.</summary>
    public static NyseCalendar Default => s_default.Value;

    /// <summary>January 1 of the first year covered.</summary>
    public DateOnly FirstDate { get; }

    /// <summary>December 31 of the last year covered.</summary>
    public DateOnly LastDate { get; }

    /// <summary>The first event time covered: New York midnight starting <see cref="FirstDate"/>.</summary>
    public long RangeStartNs => _midnightNs[0];

    /// <summary>The first event time after the range: New York midnight ending <see cref="LastDate"/>.</summary>
    public long RangeEndNs => _midnightNs[_dayCount];

    /// <summary>The number of sessions in the range.</summary>
    public int TradingDayCount => _openNs.Length;

    /// <summary>What the exchange does on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar's range.</exception>
    public MarketDayKind KindOf(DateOnly date) => _kinds[DayIndex(date)];

    /// <summary>The rule holiday observed on <paramref name="date"/>, or <see cref="NyseHoliday.None"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar's range.</exception>
    public NyseHoliday HolidayOn(DateOnly date) => _holidays[DayIndex(date)];

    /// <summary>True when the exchange holds a session on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar's range.</exception>
    public bool IsTradingDay(DateOnly date) => IsSession(_kinds[DayIndex(date)]);

    /// <summary>True when <paramref name="date"/> has a session that closes before 16:00 New York.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar's range.</exception>
    public bool IsEarlyClose(DateOnly date)
    {
        int day = DayIndex(date);
        return IsSession(_kinds[day]) && _closeMinute[day] < RegularCloseMinute;
    }

    /// <summary>The session's open on <paramref name="date"/>, UTC nanoseconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the range or has no session.</exception>
    public long SessionOpenNs(DateOnly date) => _openNs[OrdinalOfTradingDay(date)];

    /// <summary>The session's close on <paramref name="date"/>, UTC nanoseconds: the earliest time a daily bar of
    /// that day may be used.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the range or has no session.</exception>
    public long SessionCloseNs(DateOnly date) => _closeNs[OrdinalOfTradingDay(date)];

    /// <summary>The session on <paramref name="date"/>, if there is one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar's range.</exception>
    public bool TryGetSession(DateOnly date, out long openNs, out long closeNs)
    {
        int day = DayIndex(date);
        if (!IsSession(_kinds[day]))
        {
            openNs = closeNs = 0;
            return false;
        }

        int ordinal = _ordinalBefore[day];
        openNs = _openNs[ordinal];
        closeNs = _closeNs[ordinal];
        return true;
    }

    /// <summary>The first trading day after <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the range, or no session follows it in the range.</exception>
    public DateOnly NextTradingDay(DateOnly date)
    {
        int day = DayIndex(date);
        int ordinal = _ordinalBefore[day] + (IsSession(_kinds[day]) ? 1 : 0);
        if (ordinal >= _openNs.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"No trading day follows {Iso(date)} within the calendar's range (to {Iso(LastDate)}).");
        }

        return DateOfOrdinal(ordinal);
    }

    /// <summary>The last trading day before <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the range, or no session precedes it in the range.</exception>
    public DateOnly PreviousTradingDay(DateOnly date)
    {
        int ordinal = _ordinalBefore[DayIndex(date)] - 1;
        if (ordinal < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"No trading day precedes {Iso(date)} within the calendar's range (from {Iso(FirstDate)}).");
        }

        return DateOfOrdinal(ordinal);
    }

    /// <summary>
    /// The number of trading days from the start of the range to <paramref name="date"/>, excluding it: the ordinal
    /// (from 0) of a trading day, and for a closed day the ordinal the next trading day has. Differences of ordinals
    /// count business days, e.g. for the pattern-day-trader window.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar's range.</exception>
    public int TradingDayOrdinal(DateOnly date) => _ordinalBefore[DayIndex(date)];

    /// <summary>
    /// <see cref="TradingDayOrdinal"/> of the New York date that contains <paramref name="eventTimeNs"/>, without
    /// throwing: false (ordinal <see cref="int.MinValue"/>) outside the calendar's range. For the hot path.
    /// </summary>
    public bool TryGetTradingDayOrdinal(long eventTimeNs, out int ordinal)
    {
        if (!TryLocateDay(eventTimeNs, out int day))
        {
            ordinal = int.MinValue;
            return false;
        }

        ordinal = _ordinalBefore[day];
        return true;
    }

    /// <summary>The trading day with the given ordinal (see <see cref="TradingDayOrdinal"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No session has that ordinal in the range.</exception>
    public DateOnly TradingDayAt(int ordinal)
    {
        if ((uint)ordinal >= (uint)_openNs.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"The calendar has {_openNs.Length} trading days, numbered from 0.");
        }

        return DateOfOrdinal(ordinal);
    }

    /// <summary>The number of trading days <c>d</c> with <paramref name="fromInclusive"/> ≤ d &lt;
    /// <paramref name="toExclusive"/> (negative when the dates are reversed).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the calendar's range.</exception>
    public int TradingDaysBetween(DateOnly fromInclusive, DateOnly toExclusive) =>
        _ordinalBefore[DayIndex(toExclusive)] - _ordinalBefore[DayIndex(fromInclusive)];

    /// <summary>The New York date at an event time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the calendar's range.</exception>
    public DateOnly NewYorkDate(long eventTimeNs) => DateOfDay(DayIndexAt(eventTimeNs));

    /// <summary>True when a session is open at <paramref name="eventTimeNs"/> (open ≤ t &lt; close).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the calendar's range.</exception>
    public bool IsInSession(long eventTimeNs) => SessionContaining(DayIndexAt(eventTimeNs), eventTimeNs) >= 0;

    /// <summary>
    /// The number of bars the exchange's sessions hold with a start <c>t</c>, <paramref name="fromNs"/> ≤ t &lt;
    /// <paramref name="toNs"/>: one per session for daily bars (starting at the open); for N-minute bars, one every N
    /// minutes from each session's open, the last one cut short at the close (390 one-minute bars in a regular
    /// session, 210 on a 13:00 close). Zero when the range is empty or reversed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is outside the range, or the timeframe is not valid.</exception>
    public long ExpectedBarsBetween(long fromNs, long toNs, Timeframe timeframe)
    {
        RequireValid(timeframe);
        int fromDay = DayIndexAt(fromNs);
        int toDay = DayIndexAt(toNs);
        return toNs <= fromNs ? 0 : CountBarStarts(fromDay, fromNs, toDay, toNs, BarNs(timeframe));
    }

    /// <summary>The start of the first bar the sessions hold at or after <paramref name="eventTimeNs"/>, or
    /// <see cref="long.MaxValue"/> when none does within the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the range, or the timeframe is not valid.</exception>
    public long FirstBarStartAtOrAfter(long eventTimeNs, Timeframe timeframe)
    {
        RequireValid(timeframe);
        return FirstBarStartAtOrAfter(DayIndexAt(eventTimeNs), eventTimeNs, BarNs(timeframe));
    }

    /// <summary>Why the exchange is closed, or its hours differ, on <paramref name="date"/>, for people:
    /// <c>2001-09-11 closed: September 11 attacks</c>, <c>2019-12-24 early close 13:00: Christmas Eve</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar's range.</exception>
    public string Describe(DateOnly date)
    {
        int day = DayIndex(date);
        string hours = string.Create(CultureInfo.InvariantCulture, $"{MinuteText(_openMinute[day])}–{MinuteText(_closeMinute[day])} New York");
        return _kinds[day] switch
        {
            MarketDayKind.Weekend => $"{Iso(date)} closed: weekend",
            MarketDayKind.Holiday => $"{Iso(date)} closed: {NyseHolidayRules.NameOf(_holidays[day])}",
            MarketDayKind.SpecialClosure => $"{Iso(date)} closed: {_why[day]}",
            MarketDayKind.RegularSession => $"{Iso(date)} regular session {hours}",
            MarketDayKind.EarlyClose => $"{Iso(date)} early close, session {hours}: {_why[day]}",
            _ => $"{Iso(date)} special session {hours}: {_why[day]}",
        };
    }

    /// <summary>An event time as New York wall-clock text, for people: <c>2024-03-05 10:41 New York</c> (seconds
    /// shown only when not zero). Works for any time, inside the range or not; allocates, so never on the hot path.</summary>
    public static string FormatNewYork(long eventTimeNs)
    {
        ZonedDateTime local = Instant.FromUnixTimeTicks(eventTimeNs / 100).InZone(s_newYork.Value);
        string pattern = local.Second == 0 && local.NanosecondOfSecond == 0 ? "uuuu-MM-dd HH:mm" : "uuuu-MM-dd HH:mm:ss.FFFFFFF";
        return local.ToString(pattern, CultureInfo.InvariantCulture) + " New York";
    }

    /// <summary>The day index of an event time (0 = <see cref="FirstDate"/>), or false outside the range.
    /// Never throws: the integrity guard's entry point for untrusted times.</summary>
    internal bool TryLocateDay(long eventTimeNs, out int day)
    {
        if (eventTimeNs < _midnightNs[0] || eventTimeNs >= _midnightNs[_dayCount])
        {
            day = -1;
            return false;
        }

        // New York days are 23 to 25 hours long, so the estimate from 24-hour days is off by at most one.
        day = (int)Math.Min((eventTimeNs - _midnightNs[0]) / EventTime.NanosPerDay, _dayCount - 1);
        while (eventTimeNs < _midnightNs[day])
        {
            day--;
        }

        while (eventTimeNs >= _midnightNs[day + 1])
        {
            day++;
        }

        return true;
    }

    /// <summary>The New York day that contains <paramref name="eventTimeNs"/>: its bounds [start, end) in UTC
    /// nanoseconds and its <see cref="TradingDayOrdinal"/>; false outside the range (see <see cref="TradingDayCursor"/>).</summary>
    internal bool TryLocateTradingDay(long eventTimeNs, out long dayStartNs, out long dayEndNs, out int ordinal)
    {
        if (!TryLocateDay(eventTimeNs, out int day))
        {
            dayStartNs = dayEndNs = 0;
            ordinal = int.MinValue;
            return false;
        }

        dayStartNs = _midnightNs[day];
        dayEndNs = _midnightNs[day + 1];
        ordinal = _ordinalBefore[day];
        return true;
    }

    /// <summary>The session ordinal held on day index <paramref name="day"/>, or -1 when it is closed.</summary>
    internal int OrdinalOfDay(int day) => IsSession(_kinds[day]) ? _ordinalBefore[day] : -1;

    /// <summary>The ordinal of the session open at <paramref name="eventTimeNs"/> on day index <paramref name="day"/>, or -1.</summary>
    internal int SessionContaining(int day, long eventTimeNs)
    {
        int ordinal = OrdinalOfDay(day);
        return ordinal >= 0 && eventTimeNs >= _openNs[ordinal] && eventTimeNs < _closeNs[ordinal] ? ordinal : -1;
    }

    /// <summary>The open of session <paramref name="ordinal"/>, UTC nanoseconds.</summary>
    internal long OpenAt(int ordinal) => _openNs[ordinal];

    /// <summary>The close of session <paramref name="ordinal"/>, UTC nanoseconds.</summary>
    internal long CloseAt(int ordinal) => _closeNs[ordinal];

    /// <summary>Bar starts t with from ≤ t &lt; to, for day indexes already located; barNs 0 means daily bars.</summary>
    internal long CountBarStarts(int fromDay, long fromNs, int toDay, long toNs, long barNs)
    {
        if (toNs <= fromNs)
        {
            return 0;
        }

        int fromSession = FirstSessionClosingAfter(fromDay, fromNs);
        int toSession = FirstSessionClosingAfter(toDay, toNs);
        return BarsInSessions(fromSession, toSession, barNs)
            + BarStartsBefore(toSession, toNs, barNs)
            - BarStartsBefore(fromSession, fromNs, barNs);
    }

    /// <summary>The first bar start at or after a time on an already located day; long.MaxValue when none in range.</summary>
    internal long FirstBarStartAtOrAfter(int day, long eventTimeNs, long barNs)
    {
        int session = FirstSessionClosingAfter(day, eventTimeNs);
        if (session >= _openNs.Length)
        {
            return long.MaxValue;
        }

        long open = _openNs[session];
        if (eventTimeNs <= open)
        {
            return open;
        }

        if (barNs == 0)
        {
            // A daily bar starts at the open: this session's has passed, the next one is the first.
            return session + 1 < _openNs.Length ? _openNs[session + 1] : long.MaxValue;
        }

        long start = open + ((eventTimeNs - open + barNs - 1) / barNs * barNs);
        return start < _closeNs[session] ? start : (session + 1 < _openNs.Length ? _openNs[session + 1] : long.MaxValue);
    }

    /// <summary>Nanoseconds per bar for an intraday timeframe; 0 for daily bars.</summary>
    internal static long BarNs(Timeframe timeframe) => timeframe.Minutes * EventTime.NanosPerMinute;

    private static bool IsSession(MarketDayKind kind) => kind >= MarketDayKind.RegularSession;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MinuteText(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    private static void RequireValid(Timeframe timeframe)
    {
        if (!timeframe.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe.Minutes, "A timeframe is daily (0) or 1 to 390 minutes.");
        }
    }

    private int DayIndex(DateOnly date)
    {
        int day = date.DayNumber - _firstDayNumber;
        if ((uint)day >= (uint)_dayCount)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"{Iso(date)} is outside this NYSE calendar's range, {Iso(FirstDate)} to {Iso(LastDate)}.");
        }

        return day;
    }

    private int DayIndexAt(long eventTimeNs)
    {
        if (!TryLocateDay(eventTimeNs, out int day))
        {
            throw new ArgumentOutOfRangeException(
                nameof(eventTimeNs),
                eventTimeNs,
                $"{EventTime.Format(Math.Clamp(eventTimeNs, 0, long.MaxValue))} is outside this NYSE calendar's range, {Iso(FirstDate)} to {Iso(LastDate)} New York.");
        }

        return day;
    }

    private DateOnly DateOfDay(int day) => DateOnly.FromDayNumber(_firstDayNumber + day);

    private DateOnly DateOfOrdinal(int ordinal) => DateOfDay(_dayOfOrdinal[ordinal]);

    private int OrdinalOfTradingDay(DateOnly date)
    {
        int day = DayIndex(date);
        return IsSession(_kinds[day])
            ? _ordinalBefore[day]
            : throw new ArgumentOutOfRangeException(nameof(date), date, $"No session: {Describe(date)}.");
    }

    /// <summary>Sessions before the returned ordinal all close at or before t; the one at it (if any) closes after t.</summary>
    private int FirstSessionClosingAfter(int day, long eventTimeNs)
    {
        int ordinal = _ordinalBefore[day];
        return IsSession(_kinds[day]) && _closeNs[ordinal] <= eventTimeNs ? ordinal + 1 : ordinal;
    }

    /// <summary>All bars of the sessions from..to-1: regular sessions by multiplication, the few others one by one.</summary>
    private long BarsInSessions(int fromSession, int toSession, long barNs)
    {
        if (toSession <= fromSession)
        {
            return 0;
        }

        if (barNs == 0)
        {
            return toSession - fromSession;
        }

        long minutesPerBar = barNs / EventTime.NanosPerMinute;
        int irregular = _irregularBefore[toSession] - _irregularBefore[fromSession];
        long bars = (toSession - fromSession - irregular) * CeilingDivide(RegularSessionMinutes, minutesPerBar);
        for (int i = _irregularBefore[fromSession]; i < _irregularBefore[toSession]; i++)
        {
            int ordinal = _irregularOrdinals[i];
            bars += CeilingDivide((_closeNs[ordinal] - _openNs[ordinal]) / EventTime.NanosPerMinute, minutesPerBar);
        }

        return bars;
    }

    /// <summary>Bars of session <paramref name="ordinal"/> starting before t (0 past the range's last session).</summary>
    private long BarStartsBefore(int ordinal, long eventTimeNs, long barNs)
    {
        if (ordinal >= _openNs.Length || eventTimeNs <= _openNs[ordinal])
        {
            return 0;
        }

        if (barNs == 0)
        {
            return 1;
        }

        long open = _openNs[ordinal];
        long all = CeilingDivide(_closeNs[ordinal] - open, barNs);
        return Math.Min(CeilingDivide(eventTimeNs - open, barNs), all);
    }

    private static long CeilingDivide(long value, long divisor) => (value + divisor - 1) / divisor;

    private void MarkRegularWeek()
    {
        for (int day = 0; day < _dayCount; day++)
        {
            DayOfWeek weekday = DateOfDay(day).DayOfWeek;
            bool weekend = weekday is DayOfWeek.Saturday or DayOfWeek.Sunday;
            _kinds[day] = weekend ? MarketDayKind.Weekend : MarketDayKind.RegularSession;
            _openMinute[day] = RegularOpenMinute;
            _closeMinute[day] = RegularCloseMinute;
        }
    }

    private void MarkHolidays(int year)
    {
        foreach ((DateOnly date, NyseHoliday holiday) in NyseHolidayRules.ObservedIn(year))
        {
            int day = DayIndex(date);
            Require(_kinds[day] == MarketDayKind.RegularSession, date, $"the holiday {holiday} falls on a day that is already {_kinds[day]}");
            _kinds[day] = MarketDayKind.Holiday;
            _holidays[day] = holiday;
        }
    }

    private void MarkEarlyCloses(int year)
    {
        foreach ((DateOnly date, TimeOnly close, string why) in NyseEarlyCloseRules.In(year))
        {
            int day = DayIndex(date);
            Require(_kinds[day] == MarketDayKind.RegularSession, date, $"the early close ({why}) falls on a day that is {_kinds[day]}");
            _kinds[day] = MarketDayKind.EarlyClose;
            _closeMinute[day] = (short)((close.Hour * 60) + close.Minute);
            _why[day] = why;
        }
    }

    private void MarkSpecialDays()
    {
        foreach (SpecialClosure closure in NyseSpecialDays.Closures)
        {
            if (closure.Date >= FirstDate && closure.Date <= LastDate)
            {
                int day = DayIndex(closure.Date);
                Require(_kinds[day] == MarketDayKind.RegularSession, closure.Date, $"the special closure ({closure.Why}) falls on a day that is {_kinds[day]}");
                _kinds[day] = MarketDayKind.SpecialClosure;
                _why[day] = closure.Why;
            }
        }

        foreach (SpecialSession session in NyseSpecialDays.Sessions)
        {
            if (session.Date >= FirstDate && session.Date <= LastDate)
            {
                int day = DayIndex(session.Date);
                Require(_kinds[day] == MarketDayKind.RegularSession, session.Date, $"the special session ({session.Why}) falls on a day that is {_kinds[day]}");
                Require(session.Open >= RegularOpen && session.Close <= RegularClose && session.Open < session.Close, session.Date, "special session hours must lie inside 09:30–16:00");
                bool announcedEarlyClose = session.Open == RegularOpen && session.Close == new TimeOnly(13, 0);
                _kinds[day] = announcedEarlyClose ? MarketDayKind.EarlyClose : MarketDayKind.SpecialSession;
                _openMinute[day] = (short)((session.Open.Hour * 60) + session.Open.Minute);
                _closeMinute[day] = (short)((session.Close.Hour * 60) + session.Close.Minute);
                _why[day] = session.Why;
            }
        }
    }

    private int CountAndNumberTradingDays()
    {
        int ordinal = 0;
        for (int day = 0; day < _dayCount; day++)
        {
            _ordinalBefore[day] = ordinal;
            if (IsSession(_kinds[day]))
            {
                ordinal++;
            }
        }

        _ordinalBefore[_dayCount] = ordinal;
        return ordinal;
    }

    private int[] FillSessions(int tradingDays)
    {
        DateTimeZone newYork = s_newYork.Value;
        var irregular = new List<int>();
        for (int day = 0; day <= _dayCount; day++)
        {
            LocalDate date = LocalDate.FromDateOnly(DateOfDay(day));
            _midnightNs[day] = ToNs(newYork.AtStartOfDay(date));
            if (day == _dayCount || !IsSession(_kinds[day]))
            {
                continue;
            }

            int ordinal = _ordinalBefore[day];
            _dayOfOrdinal[ordinal] = day;
            _openNs[ordinal] = ToNs(newYork.AtStrictly(date + LocalTime.FromMinutesSinceMidnight(_openMinute[day])));
            _closeNs[ordinal] = ToNs(newYork.AtStrictly(date + LocalTime.FromMinutesSinceMidnight(_closeMinute[day])));
            _irregularBefore[ordinal] = irregular.Count;
            if (_closeMinute[day] - _openMinute[day] != RegularSessionMinutes)
            {
                irregular.Add(ordinal);
            }
        }

        _irregularBefore[tradingDays] = irregular.Count;
        return [.. irregular];
    }

    private static long ToNs(ZonedDateTime zoned) => zoned.ToInstant().ToUnixTimeTicks() * 100;

    private static void Require(bool condition, DateOnly date, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"NYSE calendar rules clash on {Iso(date)}: {problem}. The rule tables need fixing.");
        }
    }
}
