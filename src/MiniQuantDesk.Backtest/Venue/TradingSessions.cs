using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>Which NYSE session an event time belongs to, for day orders: numbered by the calendar's trading-day
/// ordinal, so that "a later session" is a larger number.</summary>
internal static class TradingSessions
{
    /// <summary>
    /// The session open at <paramref name="timeNs"/>, or else the first one that opens after it. A decision at a
    /// session's close (a daily bar's 16:00 end) therefore belongs to the next session, as does one made overnight
    /// or on a weekend; a bar, which starts inside its session, belongs to that session.
    /// </summary>
    /// <returns>False when the time is outside the calendar's range.</returns>
    public static bool TryGetSessionAtOrAfter(NyseCalendar calendar, long timeNs, out int session)
    {
        // The ordinal of the New York date: that day's session if it trades, else the next trading day's.
        if (!calendar.TryGetTradingDayOrdinal(timeNs, out session))
        {
            return false;
        }

        if (calendar.TryGetSession(calendar.NewYorkDate(timeNs), out _, out long closeNs) && timeNs >= closeNs)
        {
            session++;
        }

        return true;
    }
}
