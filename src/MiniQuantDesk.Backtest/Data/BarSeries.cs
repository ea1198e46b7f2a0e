using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Data;

/// <summary>The bars of one symbol read from one CSV file, with what a run's artifacts must record about the input:
/// the file's hash, the rows skipped and how many values were rounded to micros.</summary>
public sealed class BarSeries
{
    /// <summary>Creates the series.</summary>
    /// <param name="symbol">The symbol text.</param>
    /// <param name="path">The file's full path.</param>
    /// <param name="timeframe">The series' period.</param>
    /// <param name="bars">The bars, strictly increasing in start time.</param>
    /// <param name="skipped">The bad rows skipped, in line order.</param>
    /// <param name="sha256">Lowercase hex SHA-256 of the file's bytes.</param>
    /// <param name="roundedValues">Prices that had more than 6 decimals and were rounded to micros.</param>
    public BarSeries(string symbol, string path, Timeframe timeframe, Bar[] bars, IReadOnlyList<SkippedRow> skipped, string sha256, int roundedValues)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(sha256);
        Symbol = symbol;
        Path = path;
        Timeframe = timeframe;
        Bars = bars;
        Skipped = skipped;
        Sha256 = sha256;
        RoundedValues = roundedValues;
    }

    /// <summary>The symbol text, e.g. <c>MSFT</c>.</summary>
    public string Symbol { get; }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The series' period: daily, or the intraday minutes inferred from the data.</summary>
    public Timeframe Timeframe { get; }

    /// <summary>The bars, strictly increasing in start time; the replay reads them in place, hence an array.</summary>
    public Bar[] Bars { get; }

    /// <summary>The bad rows skipped (only with <see cref="BarCsvOptions.SkipBadRows"/>), in line order.</summary>
    public IReadOnlyList<SkippedRow> Skipped { get; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes: the input's identity in the artifacts.</summary>
    public string Sha256 { get; }

    /// <summary>Prices that had more than 6 decimals and were rounded to micros (half away from zero).</summary>
    public int RoundedValues { get; }
}
