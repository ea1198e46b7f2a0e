using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Engine.Tests.Market;

/// <summary>Each holiday rule, with its weekend observance, on dates the NYSE published.</summary>
public sealed class NyseHolidayRuleTests
{
    private static readonly NyseCalendar s_calendar = NyseCalendar.Default;

    [Theory]
    [InlineData("2024-01-01", NyseHoliday.NewYearsDay)]
    [InlineData("2024-01-15", NyseHoliday.MartinLutherKingJrDay)]
    [InlineData("2024-02-19", NyseHoliday.WashingtonsBirthday)]
    [InlineData("2024-03-29", NyseHoliday.GoodFriday)]
    [InlineData("2024-05-27", NyseHoliday.MemorialDay)]
    [InlineData("2024-06-19", NyseHoliday.Juneteenth)]
    [InlineData("2024-07-04", NyseHoliday.IndependenceDay)]
    [InlineData("2024-09-02", NyseHoliday.LaborDay)]
    [InlineData("2024-11-28", NyseHoliday.Thanksgiving)]
    [InlineData("2024-12-25", NyseHoliday.Christmas)]
    public void Every_rule_holiday_of_2024_is_closed_on_the_day_the_exchange_published(string date, NyseHoliday holiday)
    {
        DateOnly day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(holiday, s_calendar.HolidayOn(day));
        Assert.Equal(MarketDayKind.Holiday, s_calendar.KindOf(day));
        Assert.False(s_calendar.IsTradingDay(day));
    }

    [Fact]
    public void New_Years_Day_on_a_Sunday_is_observed_on_the_Monday_after()
    {
        Assert.Equal(NyseHoliday.NewYearsDay, s_calendar.HolidayOn(new DateOnly(2023, 1, 2)));
        Assert.Equal(NyseHoliday.NewYearsDay, s_calendar.HolidayOn(new DateOnly(2017, 1, 2)));
    }

    [Theory]
    [InlineData(1993)]
    [InlineData(1999)]
    [InlineData(2004)]
    [InlineData(2010)]
    [InlineData(2021)]
    public void New_Years_Day_on_a_Saturday_is_not_observed_and_the_Friday_before_trades(int yearBefore)
    {
        var friday = new DateOnly(yearBefore, 12, 31);

        Assert.Equal(DayOfWeek.Friday, friday.DayOfWeek);
        Assert.True(s_calendar.IsTradingDay(friday));
        Assert.Equal(NyseHoliday.None, s_calendar.HolidayOn(friday));
    }

    [Fact]
    public void Martin_Luther_King_Jr_Day_is_a_holiday_only_from_1998()
    {
        Assert.True(s_calendar.IsTradingDay(new DateOnly(1997, 1, 20)));
        Assert.Equal(NyseHoliday.MartinLutherKingJrDay, s_calendar.HolidayOn(new DateOnly(1998, 1, 19)));
        Assert.Equal(NyseHoliday.MartinLutherKingJrDay, s_calendar.HolidayOn(new DateOnly(2025, 1, 20)));
    }

    [Fact]
    public void Washingtons_Birthday_is_the_third_Monday_of_February()
    {
        Assert.Equal(NyseHoliday.WashingtonsBirthday, s_calendar.HolidayOn(new DateOnly(1990, 2, 19)));
        Assert.Equal(NyseHoliday.WashingtonsBirthday, s_calendar.HolidayOn(new DateOnly(2021, 2, 15)));
        Assert.True(s_calendar.IsTradingDay(new DateOnly(2021, 2, 22)));
    }

    [Theory]
    [InlineData("1990-04-13")]
    [InlineData("2000-04-21")]
    [InlineData("2008-03-21")]
    [InlineData("2011-04-22")]
    [InlineData("2019-04-19")]
    [InlineData("2038-04-23")]
    [InlineData("2100-03-26")]
    public void Good_Friday_follows_the_Gregorian_Easter_computus(string date)
    {
        DateOnly day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(NyseHoliday.GoodFriday, s_calendar.HolidayOn(day));
    }

    [Fact]
    public void Memorial_Day_is_the_last_Monday_of_May_even_when_May_has_five_Mondays()
    {
        Assert.Equal(NyseHoliday.MemorialDay, s_calendar.HolidayOn(new DateOnly(2021, 5, 31)));
        Assert.True(s_calendar.IsTradingDay(new DateOnly(2021, 5, 24)));
    }

    [Fact]
    public void Juneteenth_is_a_holiday_only_from_2022_and_moves_off_weekends()
    {
        Assert.True(s_calendar.IsTradingDay(new DateOnly(2020, 6, 19)));
        Assert.True(s_calendar.IsTradingDay(new DateOnly(2021, 6, 18)));
        Assert.Equal(NyseHoliday.Juneteenth, s_calendar.HolidayOn(new DateOnly(2022, 6, 20)));
        Assert.Equal(NyseHoliday.Juneteenth, s_calendar.HolidayOn(new DateOnly(2027, 6, 18)));
    }

    [Fact]
    public void Independence_Day_on_a_weekend_is_observed_on_the_nearest_weekday()
    {
        Assert.Equal(NyseHoliday.IndependenceDay, s_calendar.HolidayOn(new DateOnly(2020, 7, 3)));
        Assert.Equal(NyseHoliday.IndependenceDay, s_calendar.HolidayOn(new DateOnly(2021, 7, 5)));
    }

    [Fact]
    public void Labor_Day_is_the_first_Monday_of_September()
    {
        Assert.Equal(NyseHoliday.LaborDay, s_calendar.HolidayOn(new DateOnly(2019, 9, 2)));
        Assert.Equal(NyseHoliday.LaborDay, s_calendar.HolidayOn(new DateOnly(2020, 9, 7)));
    }

    [Fact]
    public void Thanksgiving_is_the_fourth_Thursday_of_November_not_the_last()
    {
        // November 2018 has five Thursdays: the fourth is the 22nd.
        Assert.Equal(NyseHoliday.Thanksgiving, s_calendar.HolidayOn(new DateOnly(2018, 11, 22)));
        Assert.True(s_calendar.IsTradingDay(new DateOnly(2018, 11, 29)));
    }

    [Fact]
    public void Christmas_on_a_weekend_is_observed_on_the_nearest_weekday()
    {
        Assert.Equal(NyseHoliday.Christmas, s_calendar.HolidayOn(new DateOnly(2021, 12, 24)));
        Assert.Equal(NyseHoliday.Christmas, s_calendar.HolidayOn(new DateOnly(2022, 12, 26)));
        Assert.True(s_calendar.IsTradingDay(new DateOnly(2022, 12, 23)));
    }

    [Theory]
    [InlineData(1990, 4, 15)]
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    [InlineData(2200, 4, 6)]
    public void Easter_Sunday_matches_published_dates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), EasterComputus.EasterSunday(year));
    }
}
