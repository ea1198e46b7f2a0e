namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>What the exchange does on one calendar day. The first three are closed days; the last three have a
/// session, whose hours <see cref="NyseCalendar"/> gives.</summary>
public enum MarketDayKind : byte
{
    /// <summary>Saturday or Sunday: never a session.</summary>
    Weekend = 0,

    /// <summary>A holiday the exchange observes by rule (see <see cref="NyseHoliday"/>).</summary>
    Holiday = 1,

    /// <summary>A closure decided for that day only: a national day of mourning, an attack, a hurricane.</summary>
    SpecialClosure = 2,

    /// <summary>A full session, 09:30 to 16:00 New York.</summary>
    RegularSession = 3,

    /// <summary>A scheduled early close: 13:00 New York (14:00 before 1993), by rule or announced in advance.</summary>
    EarlyClose = 4,

    /// <summary>A session changed on the day itself: a late open (a moment of silence, a snowstorm, a system
    /// failure) or an emergency close. Listed one by one in <see cref="NyseSpecialDays.Sessions"/>.</summary>
    SpecialSession = 5,
}
