namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>
/// <see cref="NyseCalendar.TryGetTradingDayOrdinal"/> for a stream of event times that mostly stay within one New
/// York day: it remembers the bounds of the last day it located, so the common case is two comparisons instead of a
/// division and a search. Same answers as the calendar, always. Owned by one thread (a pipeline stage), since it
/// changes as it is read; the calendar itself stays immutable and shared.
/// </summary>
internal struct TradingDayCursor
{
    private readonly NyseCalendar _calendar;
    private long _dayStartNs;
    private long _dayEndNs;
    private int _ordinal;

    /// <summary>A cursor over <paramref name="calendar"/> that has located no day yet.</summary>
    public TradingDayCursor(NyseCalendar calendar)
    {
        _calendar = calendar;
        _dayStartNs = long.MaxValue;
        _dayEndNs = long.MinValue;
        _ordinal = int.MinValue;
    }

    /// <summary>The trading-day ordinal of the New York date containing <paramref name="eventTimeNs"/>; false
    /// (ordinal <see cref="int.MinValue"/>) outside the calendar's range.</summary>
    public bool TryGetTradingDayOrdinal(long eventTimeNs, out int ordinal)
    {
        if (eventTimeNs >= _dayStartNs && eventTimeNs < _dayEndNs)
        {
            ordinal = _ordinal;
            return true;
        }

        if (!_calendar.TryLocateTradingDay(eventTimeNs, out long start, out long end, out ordinal))
        {
            return false;
        }

        _dayStartNs = start;
        _dayEndNs = end;
        _ordinal = ordinal;
        return true;
    }
}
