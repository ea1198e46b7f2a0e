using System.Globalization;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Tests.Support;

namespace MiniQuantDesk.Engine.Tests.Market;

/// <summary>The calendar against 32 years of real sessions: the dates of the shared MSFT daily file.</summary>
public sealed class NyseCalendarMsftTests
{
    [SharedDataFact]
    public void The_calendars_trading_days_from_1990_to_2022_are_exactly_the_dates_of_the_MSFT_file()
    {
        DateOnly[] fileDates = [.. File.ReadLines(SharedData.PathOf("MSFT_1d_adj.csv")).Skip(1)
            .Select(line => DateOnly.ParseExact(line[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture))];
        var calendar = NyseCalendar.Default;
        var tradingDays = new List<DateOnly>();
        for (DateOnly day = fileDates[0]; day <= fileDates[^1]; day = day.AddDays(1))
        {
            if (calendar.IsTradingDay(day))
            {
                tradingDays.Add(day);
            }
        }

        Assert.Equal(new DateOnly(1990, 1, 2), fileDates[0]);
        Assert.Equal(new DateOnly(2022, 3, 10), fileDates[^1]);
        Assert.Equal(fileDates.Except(tradingDays), []);
        Assert.Equal(tradingDays.Except(fileDates), []);
        Assert.Equal(fileDates, tradingDays);
    }
}
