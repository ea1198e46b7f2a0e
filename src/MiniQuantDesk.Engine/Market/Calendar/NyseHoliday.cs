namespace MiniQuantDesk.Engine.Market.Calendar;

/// <summary>The holidays the NYSE observes by rule (NYSE Rule 7.2). <see cref="NyseHolidayRules"/> computes the
/// day each one is observed in a given year.</summary>
public enum NyseHoliday : byte
{
    /// <summary>Not a holiday.</summary>
    None = 0,

    /// <summary>January 1; on a Sunday, the Monday after; on a Saturday, not observed at all (the Friday before is
    /// the last day of the accounting year, so the exchange stays open).</summary>
    NewYearsDay = 1,

    /// <summary>Third Monday of January, observed by the NYSE since 1998.</summary>
    MartinLutherKingJrDay = 2,

    /// <summary>Washington's Birthday (Presidents' Day): third Monday of February.</summary>
    WashingtonsBirthday = 3,

    /// <summary>The Friday before Easter Sunday (Gregorian computus).</summary>
    GoodFriday = 4,

    /// <summary>Last Monday of May.</summary>
    MemorialDay = 5,

    /// <summary>June 19, observed by the NYSE since 2022; Saturday → Friday before, Sunday → Monday after.</summary>
    Juneteenth = 6,

    /// <summary>July 4; Saturday → Friday before, Sunday → Monday after.</summary>
    IndependenceDay = 7,

    /// <summary>First Monday of September.</summary>
    LaborDay = 8,

    /// <summary>Fourth Thursday of November.</summary>
    Thanksgiving = 9,

    /// <summary>December 25; Saturday → Friday before, Sunday → Monday after.</summary>
    Christmas = 10,
}
