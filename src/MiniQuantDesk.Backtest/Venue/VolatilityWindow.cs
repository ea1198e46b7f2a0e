using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>
/// The average true range of each symbol over its last N bars, in integer micros, from fixed arrays (no
/// allocation after construction). Until a symbol has N bars the average of the bars' high-low ranges over what
/// there is stands in: the first bar has no previous close to measure a gap from.
/// </summary>
internal sealed class VolatilityWindow
{
    private readonly int _period;
    private readonly long[] _trueRanges;
    private readonly long[] _ranges;
    private readonly SymbolWindow[] _symbols;

    /// <summary>Creates windows of <paramref name="period"/> bars for <paramref name="symbolCapacity"/> symbols.</summary>
    public VolatilityWindow(int symbolCapacity, int period)
    {
        _period = period;
        int cells = checked(symbolCapacity * period);
        _trueRanges = new long[cells];
        _ranges = new long[cells];
        _symbols = new SymbolWindow[symbolCapacity];
    }

    /// <summary>True once the symbol has had a bar.</summary>
    public bool HasBars(int symbol) => _symbols[symbol].Count > 0;

    /// <summary>The average true range (or range, see the class comment) in micros; 0 before any bar.</summary>
    public long AverageMicros(int symbol)
    {
        ref SymbolWindow window = ref _symbols[symbol];
        int count = window.Count;
        if (count == 0)
        {
            return 0;
        }

        return count < _period ? window.RangeSum / count : window.TrueRangeSum / _period;
    }

    /// <summary>Puts the symbol's window on a split's new basis: every range and the last close × old ÷ new, rounded
    /// half away from zero; the sums are recomputed from the rescaled ranges, so they stay their exact sums.</summary>
    public void Rescale(int symbol, SplitRatio ratio)
    {
        long trueRangeSum = 0;
        long rangeSum = 0;
        for (int cell = symbol * _period; cell < (symbol + 1) * _period; cell++)
        {
            _trueRanges[cell] = Rescaled(_trueRanges[cell], ratio);
            _ranges[cell] = Rescaled(_ranges[cell], ratio);
            trueRangeSum = checked(trueRangeSum + _trueRanges[cell]);
            rangeSum = checked(rangeSum + _ranges[cell]);
        }

        ref SymbolWindow window = ref _symbols[symbol];
        window.TrueRangeSum = trueRangeSum;
        window.RangeSum = rangeSum;
        window.PreviousClose = Rescaled(window.PreviousClose, ratio);
    }

    /// <summary>Adds a closed bar of the symbol, dropping the oldest once the window is full.</summary>
    public void Add(int symbol, in Bar bar)
    {
        ref SymbolWindow window = ref _symbols[symbol];
        long high = bar.High.Micros;
        long low = bar.Low.Micros;
        long range = checked(high - low);
        long trueRange = range;
        if (window.Count > 0)
        {
            long previousClose = window.PreviousClose;
            trueRange = checked(Math.Max(high, previousClose) - Math.Min(low, previousClose));
        }

        int cell = (symbol * _period) + window.Next;
        if (window.Count == _period)
        {
            window.TrueRangeSum -= _trueRanges[cell];
            window.RangeSum -= _ranges[cell];
        }
        else
        {
            window.Count++;
        }

        _trueRanges[cell] = trueRange;
        _ranges[cell] = range;
        window.TrueRangeSum = checked(window.TrueRangeSum + trueRange);
        window.RangeSum = checked(window.RangeSum + range);
        window.Next = window.Next + 1 == _period ? 0 : window.Next + 1;
        window.PreviousClose = bar.Close.Micros;
    }

    private static long Rescaled(long micros, SplitRatio ratio) =>
        (long)(((((Int128)micros * ratio.OldShares) * 2) + ratio.NewShares) / (ratio.NewShares * 2));

    /// <summary>One symbol's running sums and cursor, together: a bar reads and writes one cache line of them.</summary>
    private struct SymbolWindow
    {
        public long TrueRangeSum;
        public long RangeSum;
        public long PreviousClose;
        public int Count;
        public int Next;
    }
}
