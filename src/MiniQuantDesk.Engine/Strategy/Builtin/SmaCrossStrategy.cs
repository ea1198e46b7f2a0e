using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Strategy.Builtin;

/// <summary>
/// <c>sma-cross</c>: long-only crossover of a fast and a slow simple moving average of the close.
/// <para>The difference of the averages is compared exactly, in integers: its sign is
/// <c>sign(slow·sumFast − fast·sumSlow)</c> over close micros, in 128 bits, so no rounding can invent or hide a
/// cross. With <c>diff[t]</c> defined from bar index <c>slow − 1</c> and <c>nzd[t]</c> the last non-zero
/// <c>diff</c> up to t: a cross up at bar t (t ≥ slow) is <c>nzd[t−1] &lt; 0 and diff[t] &gt; 0</c>, a cross down
/// is <c>nzd[t−1] &gt; 0 and diff[t] &lt; 0</c>; an exact tie (diff = 0) is never a cross.</para>
/// <para>Flat and cross up → target <c>+qty</c>; long and cross down → target 0. Per-symbol state lives in arrays
/// sized at construction: no allocation per bar.</para>
/// </summary>
public sealed class SmaCrossStrategy : IStrategy
{
    private readonly int _fast;
    private readonly int _slow;
    private readonly long _quantity;
    private readonly long[] _closes;
    private readonly long[] _sumFast;
    private readonly long[] _sumSlow;
    private readonly long[] _barCount;
    private readonly int[] _ringNext;
    private readonly int[] _lastNonZeroSign;

    /// <summary>Creates the strategy.</summary>
    /// <param name="fast">Bars in the fast average (at least 1).</param>
    /// <param name="slow">Bars in the slow average (more than <paramref name="fast"/>).</param>
    /// <param name="quantity">Shares to hold when long (positive).</param>
    /// <param name="symbolCapacity">The highest symbol id it may see.</param>
    public SmaCrossStrategy(int fast, int slow, long quantity, int symbolCapacity = 1024)
    {
        if (fast < 1 || slow <= fast || slow > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(slow), $"sma-cross needs 1 <= fast < slow <= 10000; got fast={fast}, slow={slow}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCapacity);
        _fast = fast;
        _slow = slow;
        _quantity = quantity;
        int symbols = symbolCapacity + 1;
        _closes = new long[symbols * slow];
        _sumFast = new long[symbols];
        _sumSlow = new long[symbols];
        _barCount = new long[symbols];
        _ringNext = new int[symbols];
        _lastNonZeroSign = new int[symbols];
    }

    /// <summary>The catalogue name.</summary>
    public const string CatalogName = "sma-cross";

    /// <inheritdoc/>
    public string Name => CatalogName;

    /// <inheritdoc/>
    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets)
    {
        int symbol = bar.Symbol.Value;
        if ((uint)symbol >= (uint)_barCount.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(bar), symbol, $"sma-cross was sized for symbol ids up to {_barCount.Length - 1}.");
        }

        long t = _barCount[symbol];
        long close = bar.Close.Micros;
        Span<long> closes = _closes.AsSpan(symbol * _slow, _slow);

        // The ring position of bar t is t mod slow, kept as a cursor rather than divided out on every bar; the
        // close that leaves the fast window sat fast positions earlier.
        int next = _ringNext[symbol];
        int leavingFast = next >= _fast ? next - _fast : next - _fast + _slow;

        // Roll both sums: the close that leaves each window is still in the ring until it is overwritten here.
        checked
        {
            _sumFast[symbol] += close - (t >= _fast ? closes[leavingFast] : 0);
            _sumSlow[symbol] += close - (t >= _slow ? closes[next] : 0);
        }

        closes[next] = close;
        _ringNext[symbol] = next + 1 == _slow ? 0 : next + 1;
        _barCount[symbol] = t + 1;
        if (t < _slow - 1)
        {
            return;
        }

        Int128 scaledDifference = WideProduct.Of(_slow, _sumFast[symbol]) - WideProduct.Of(_fast, _sumSlow[symbol]);
        int sign = scaledDifference.CompareTo(Int128.Zero);
        int previous = _lastNonZeroSign[symbol];
        if (sign != 0)
        {
            _lastNonZeroSign[symbol] = sign;
        }

        if (t < _slow)
        {
            return;
        }

        bool crossUp = previous < 0 && sign > 0;
        bool crossDown = previous > 0 && sign < 0;
        if (crossUp && account.Position == 0)
        {
            targets.TrySet(new TargetPosition(bar.Symbol, _quantity));
        }
        else if (crossDown && account.Position > 0)
        {
            targets.TrySet(new TargetPosition(bar.Symbol, 0));
        }
    }

    /// <summary>At a split, puts the symbol's stored closes on the new basis (each ÷ ratio, rounded half away from
    /// zero), recomputes both sums from them, and takes the sign of their difference as the last one seen, so the
    /// next bar is compared with averages on its own basis: the split's price jump is not a cross.</summary>
    public void OnCorporateAction(in CorporateActionEvent action)
    {
        int symbol = action.Symbol.Value;
        if (action.Type != CorporateActionType.Split || !action.Ratio.IsValid || (uint)symbol >= (uint)_barCount.Length)
        {
            return;
        }

        Span<long> closes = _closes.AsSpan(symbol * _slow, _slow);
        long stored = Math.Min(_barCount[symbol], _slow);
        long sumFast = 0;
        long sumSlow = 0;
        int next = _ringNext[symbol];
        for (int k = 1; k <= stored; k++)
        {
            int index = next - k >= 0 ? next - k : next - k + _slow;
            closes[index] = PriceScaling.Rescale(closes[index], action.Ratio);
            checked
            {
                sumSlow += closes[index];
                sumFast += k <= _fast ? closes[index] : 0;
            }
        }

        _sumFast[symbol] = sumFast;
        _sumSlow[symbol] = sumSlow;
        if (_barCount[symbol] >= _slow)
        {
            int sign = (WideProduct.Of(_slow, sumFast) - WideProduct.Of(_fast, sumSlow)).CompareTo(Int128.Zero);
            if (sign != 0)
            {
                _lastNonZeroSign[symbol] = sign;
            }
        }
    }
}
