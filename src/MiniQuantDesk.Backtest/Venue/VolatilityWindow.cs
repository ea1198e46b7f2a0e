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
    private readonly long[] _trueRangeSum;
    private readonly long[] _rangeSum;
    private readonly long[] _previousClose;
    private readonly int[] _count;
    private readonly int[] _next;

    /// <summary>Creates windows of <paramref name="period"/> bars for <paramref name="symbolCapacity"/> symbols.</summary>
    public VolatilityWindow(int symbolCapacity, int period)
    {
        _period = period;
        int cells = checked(symbolCapacity * period);
        _trueRanges = new long[cells];
        _ranges = new long[cells];
        _trueRangeSum = new long[symbolCapacity];
        _rangeSum = new long[symbolCapacity];
        _previousClose = new long[symbolCapacity];
        _count = new int[symbolCapacity];
        _next = new int[symbolCapacity];
    }

    /// <summary>True once the symbol has had a bar.</summary>
    public bool HasBars(int symbol) => _count[symbol] > 0;

    /// <summary>The average true range (or range, see the class comment) in micros; 0 before any bar.</summary>
    public long AverageMicros(int symbol)
    {
        int count = _count[symbol];
        if (count == 0)
        {
            return 0;
        }

        return count < _period ? _rangeSum[symbol] / count : _trueRangeSum[symbol] / _period;
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

        _trueRangeSum[symbol] = trueRangeSum;
        _rangeSum[symbol] = rangeSum;
        _previousClose[symbol] = Rescaled(_previousClose[symbol], ratio);
    }

    /// <summary>Adds a closed bar of the symbol, dropping the oldest once the window is full.</summary>
    public void Add(int symbol, in Bar bar)
    {
        long high = bar.High.Micros;
        long low = bar.Low.Micros;
        long range = checked(high - low);
        long trueRange = range;
        if (_count[symbol] > 0)
        {
            long previousClose = _previousClose[symbol];
            trueRange = checked(Math.Max(high, previousClose) - Math.Min(low, previousClose));
        }

        int cell = (symbol * _period) + _next[symbol];
        if (_count[symbol] == _period)
        {
            _trueRangeSum[symbol] -= _trueRanges[cell];
            _rangeSum[symbol] -= _ranges[cell];
        }
        else
        {
            _count[symbol]++;
        }

        _trueRanges[cell] = trueRange;
        _ranges[cell] = range;
        _trueRangeSum[symbol] = checked(_trueRangeSum[symbol] + trueRange);
        _rangeSum[symbol] = checked(_rangeSum[symbol] + range);
        _next[symbol] = _next[symbol] + 1 == _period ? 0 : _next[symbol] + 1;
        _previousClose[symbol] = bar.Close.Micros;
    }

    private static long Rescaled(long micros, SplitRatio ratio) =>
        (long)(((((Int128)micros * ratio.OldShares) * 2) + ratio.NewShares) / (ratio.NewShares * 2));
}
