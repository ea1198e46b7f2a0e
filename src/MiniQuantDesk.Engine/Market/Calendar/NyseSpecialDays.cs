namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>
/// The NYSE's days that no rule predicts, from 1990: full-day closures and sessions with other hours. Source: the
/// NYSE's published history of closings, late openings and early closes, as compiled by the pandas_market_calendars
/// and exchange_calendars projects; the closures are also absent from the shared MSFT daily data (1990–2022).
/// A closure decided after this list was last updated is not here: add it (the calendar would otherwise expect a
/// session, and the integrity guard would report the missing bars as a gap, which fails closed).
/// </summary>
public static class NyseSpecialDays
{
    private static readonly SpecialClosure[] s_closures =
    [
        new(new DateOnly(1994, 4, 27), "national day of mourning for former President Richard Nixon"),
        new(new DateOnly(2001, 9, 11), "September 11 attacks"),
        new(new DateOnly(2001, 9, 12), "September 11 attacks"),
        new(new DateOnly(2001, 9, 13), "September 11 attacks"),
        new(new DateOnly(2001, 9, 14), "September 11 attacks"),
        new(new DateOnly(2004, 6, 11), "national day of mourning for former President Ronald Reagan"),
        new(new DateOnly(2007, 1, 2), "national day of mourning for former President Gerald Ford"),
        new(new DateOnly(2012, 10, 29), "Hurricane Sandy"),
        new(new DateOnly(2012, 10, 30), "Hurricane Sandy"),
        new(new DateOnly(2018, 12, 5), "national day of mourning for former President George H. W. Bush"),
        new(new DateOnly(2025, 1, 9), "national day of mourning for former President Jimmy Carter"),
    ];

    private static readonly SpecialSession[] s_sessions =
    [
        new(new DateOnly(1990, 12, 27), new TimeOnly(9, 31), new TimeOnly(16, 0), "late open: Con Edison transformer explosion"),
        new(new DateOnly(1991, 1, 17), new TimeOnly(9, 31), new TimeOnly(16, 0), "late open: moment of silence for the troops in the Gulf"),
        new(new DateOnly(1991, 2, 25), new TimeOnly(9, 31), new TimeOnly(16, 0), "late open: moment of silence for the troops in the Gulf"),
        new(new DateOnly(1994, 2, 11), new TimeOnly(9, 30), new TimeOnly(14, 30), "early close: snowstorm"),
        new(new DateOnly(1995, 12, 18), new TimeOnly(10, 30), new TimeOnly(16, 0), "late open: computer system problems"),
        new(new DateOnly(1996, 1, 8), new TimeOnly(11, 0), new TimeOnly(14, 0), "late open and early close: snowstorm"),
        new(new DateOnly(1997, 10, 27), new TimeOnly(9, 30), new TimeOnly(15, 30), "early close: market-wide circuit breaker"),
        new(new DateOnly(1997, 12, 26), new TimeOnly(9, 30), new TimeOnly(13, 0), "early close: day after Christmas"),
        new(new DateOnly(2001, 9, 17), new TimeOnly(9, 33), new TimeOnly(16, 0), "late open: moment of silence after September 11"),
        new(new DateOnly(2001, 10, 8), new TimeOnly(9, 31), new TimeOnly(16, 0), "late open: moment of silence for Operation Enduring Freedom"),
        new(new DateOnly(2002, 9, 11), new TimeOnly(12, 0), new TimeOnly(16, 0), "late open: first anniversary of September 11"),
        new(new DateOnly(2003, 3, 20), new TimeOnly(9, 32), new TimeOnly(16, 0), "late open: moment of silence for Operation Iraqi Freedom"),
        new(new DateOnly(2003, 12, 26), new TimeOnly(9, 30), new TimeOnly(13, 0), "early close: day after Christmas"),
        new(new DateOnly(2004, 6, 7), new TimeOnly(9, 32), new TimeOnly(16, 0), "late open: moment of silence for former President Ronald Reagan"),
        new(new DateOnly(2005, 6, 1), new TimeOnly(9, 30), new TimeOnly(15, 56), "early close: systems communication problem"),
        new(new DateOnly(2006, 12, 27), new TimeOnly(9, 32), new TimeOnly(16, 0), "late open: moment of silence for former President Gerald Ford"),
    ];

    /// <summary>Full-day closures no rule predicts, in date order.</summary>
    public static ReadOnlySpan<SpecialClosure> Closures => s_closures;

    /// <summary>Sessions with hours other than the rule's, in date order. Those closing at 13:00 were announced in
    /// advance and count as early closes; the others were decided on the day.</summary>
    public static ReadOnlySpan<SpecialSession> Sessions => s_sessions;
}
