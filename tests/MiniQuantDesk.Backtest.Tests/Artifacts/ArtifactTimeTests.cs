using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

public class ArtifactTimeTests
{
    [Fact]
    public void A_summer_open_is_written_in_New_York_time_with_its_daylight_offset() =>
        Assert.Equal("1990-07-18T09:30:00-04:00", ArtifactTime.Format(NewYork.At(1990, 7, 18, 9, 30, -4)));

    [Fact]
    public void A_winter_close_is_written_with_the_standard_offset() =>
        Assert.Equal("2024-01-02T16:00:00-05:00", ArtifactTime.Format(NewYork.WinterClose(2024, 1, 2)));

    [Fact]
    public void A_time_with_a_fraction_of_a_second_keeps_the_fraction() =>
        Assert.Equal("2024-01-02T16:00:00.25-05:00", ArtifactTime.Format(NewYork.WinterClose(2024, 1, 2) + 250_000_000));

    [Fact]
    public void The_New_York_date_of_an_evening_UTC_time_is_the_same_New_York_day() =>
        Assert.Equal(new DateOnly(2024, 1, 2), ArtifactTime.NewYorkDate(NewYork.At(2024, 1, 2, 23, 30, -5)));
}
