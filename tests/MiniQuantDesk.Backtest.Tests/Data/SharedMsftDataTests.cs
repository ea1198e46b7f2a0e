using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Tests.Support;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>The real MSFT daily file in the shared reference data reads completely against the NYSE calendar.</summary>
public sealed class SharedMsftDataTests
{
    [SharedDataFact]
    public void The_shared_MSFT_daily_file_reads_8111_bars_from_1990_to_2022_with_nothing_skipped()
    {
        BarSeries series = BarCsvReader.Read(SharedData.PathOf("MSFT_1d_adj.csv"), new BarCsvOptions { SymbolId = new SymbolId(1) });

        NyseCalendar calendar = NyseCalendar.Default;
        Assert.Equal(("MSFT", Timeframe.Daily, 8_111, 0), (series.Symbol, series.Timeframe, series.Bars.Length, series.Skipped.Count));
        Assert.Equal(calendar.SessionOpenNs(new DateOnly(1990, 1, 2)), series.Bars[0].StartNs);
        Assert.Equal(calendar.SessionCloseNs(new DateOnly(2022, 3, 10)), series.Bars[^1].EndNs);
        Assert.Equal(64, series.Sha256.Length);
    }
}
