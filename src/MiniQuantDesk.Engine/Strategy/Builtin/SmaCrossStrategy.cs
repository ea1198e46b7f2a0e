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
    private readonly SymbolAverages[] _symbols;

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
        _symbols = new SymbolAverages[symbols];
    }

    /// <summary>The catalogue name.</summary>
    public const string CatalogName = "sma-cross";

    /// <inheritdoc/>
    public string Name => CatalogName;

    /// <inheritdoc/>
    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets)
    {
        int symbol = bar.Symbol.Value;
        if ((uint)symbol >= (uint)_symbols.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(bar), symbol, $"sma-cross was sized for symbol ids up to {_symbols.Length - 1}.");
        }

        // One symbol's averages sit together in one struct: a bar reads and writes one cache line of them.
        ref SymbolAverages state = ref _symbols[symbol];
        long t = state.BarCount;
        long close = bar.Close.Micros;
        Span<long> closes = _closes.AsSpan(symbol * _slow, _slow);

        // The ring position of bar t is t mod slow, kept as a cursor rather than divided out on every bar; the
        // close that leaves the fast window sat fast positions earlier.
        int next = state.RingNext;
        int leavingFast = next >= _fast ? next - _fast : next - _fast + _slow;

        // Roll both sums: the close that leaves each window is still in the ring until it is overwritten here.
        checked
        {
            state.SumFast += close - (t >= _fast ? closes[leavingFast] : 0);
            state.SumSlow += close - (t >= _slow ? closes[next] : 0);
        }

        closes[next] = close;
        state.RingNext = next + 1 == _slow ? 0 : next + 1;
        state.BarCount = t + 1;
        if (t < _slow - 1)
        {
            return;
        }

        int sign = WideProduct.Compare(_slow, state.SumFast, _fast, state.SumSlow);
        int previous = state.LastNonZeroSign;
        if (sign != 0)
        {
            state.LastNonZeroSign = sign;
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
        if (action.Type != CorporateActionType.Split || !action.Ratio.IsValid || (uint)symbol >= (uint)_symbols.Length)
        {
            return;
        }

        ref SymbolAverages state = ref _symbols[symbol];
        Span<long> closes = _closes.AsSpan(symbol * _slow, _slow);
        long stored = Math.Min(state.BarCount, _slow);
        long sumFast = 0;
        long sumSlow = 0;
        int next = state.RingNext;
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

        state.SumFast = sumFast;
        state.SumSlow = sumSlow;
        if (state.BarCount >= _slow)
        {
            int sign = WideProduct.Compare(_slow, sumFast, _fast, sumSlow);
            if (sign != 0)
            {
                state.LastNonZeroSign = sign;
            }
        }
    }

    /// <summary>One symbol's running state: both window sums, the bars seen, the ring cursor and the last
    /// non-zero sign of the averages' difference.</summary>
    private struct SymbolAverages
    {
        public long SumFast;
        public long SumSlow;
        public long BarCount;
        public int RingNext;
        public int LastNonZeroSign;
    }
}
