using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Strategy.Builtin;

/// <summary>
/// <c>breakout</c>: long-only channel breakout. Flat and the close above the highest high of the previous
/// <c>entry</c> bars → target <c>+qty</c>; long and the close below the lowest low of the previous <c>exit</c>
/// bars → target 0. Comparisons are on exact micros; windows live in arrays sized at construction.
/// </summary>
public sealed class BreakoutStrategy : IStrategy
{
    private readonly int _entry;
    private readonly int _exit;
    private readonly int _window;
    private readonly long _quantity;
    private readonly long[] _highs;
    private readonly long[] _lows;
    private readonly long[] _barCount;

    /// <summary>Creates the strategy.</summary>
    /// <param name="entry">Bars whose highest high a close must exceed to enter (at least 1).</param>
    /// <param name="exit">Bars whose lowest low a close must fall below to exit (at least 1).</param>
    /// <param name="quantity">Shares to hold when long (positive).</param>
    /// <param name="symbolCapacity">The highest symbol id it may see.</param>
    public BreakoutStrategy(int entry, int exit, long quantity, int symbolCapacity = 1024)
    {
        if (entry is < 1 or > 10_000 || exit is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), $"breakout needs entry and exit between 1 and 10000; got entry={entry}, exit={exit}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCapacity);
        _entry = entry;
        _exit = exit;
        _window = Math.Max(entry, exit);
        _quantity = quantity;
        int symbols = symbolCapacity + 1;
        _highs = new long[symbols * _window];
        _lows = new long[symbols * _window];
        _barCount = new long[symbols];
    }

    /// <summary>The catalogue name.</summary>
    public const string CatalogName = "breakout";

    /// <inheritdoc/>
    public string Name => CatalogName;

    /// <inheritdoc/>
    public void OnBar(in Bar bar, StrategyAccount account, ref TargetPositions targets)
    {
        int symbol = bar.Symbol.Value;
        if ((uint)symbol >= (uint)_barCount.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(bar), symbol, $"breakout was sized for symbol ids up to {_barCount.Length - 1}.");
        }

        long t = _barCount[symbol];
        Span<long> highs = _highs.AsSpan(symbol * _window, _window);
        Span<long> lows = _lows.AsSpan(symbol * _window, _window);
        long close = bar.Close.Micros;

        if (account.Position == 0 && t >= _entry && close > Extreme(highs, t, _entry, highest: true))
        {
            targets.TrySet(new TargetPosition(bar.Symbol, _quantity));
        }
        else if (account.Position > 0 && t >= _exit && close < Extreme(lows, t, _exit, highest: false))
        {
            targets.TrySet(new TargetPosition(bar.Symbol, 0));
        }

        highs[(int)(t % _window)] = bar.High.Micros;
        lows[(int)(t % _window)] = bar.Low.Micros;
        _barCount[symbol] = t + 1;
    }

    /// <summary>At a split, puts the symbol's stored highs and lows on the new basis (each ÷ ratio, rounded half away
    /// from zero), so the channel is on the basis of the bars that follow and the split's jump is no breakout.</summary>
    public void OnCorporateAction(in CorporateActionEvent action)
    {
        int symbol = action.Symbol.Value;
        if (action.Type != CorporateActionType.Split || !action.Ratio.IsValid || (uint)symbol >= (uint)_barCount.Length)
        {
            return;
        }

        Span<long> highs = _highs.AsSpan(symbol * _window, _window);
        Span<long> lows = _lows.AsSpan(symbol * _window, _window);
        for (int i = 0; i < _window; i++)
        {
            highs[i] = PriceScaling.Rescale(highs[i], action.Ratio);
            lows[i] = PriceScaling.Rescale(lows[i], action.Ratio);
        }
    }

    /// <summary>The highest (or lowest) of the <paramref name="count"/> values before bar <paramref name="t"/>.</summary>
    private long Extreme(Span<long> values, long t, int count, bool highest)
    {
        long extreme = highest ? long.MinValue : long.MaxValue;
        for (long i = t - count; i < t; i++)
        {
            long value = values[(int)(i % _window)];
            extreme = highest ? Math.Max(extreme, value) : Math.Min(extreme, value);
        }

        return extreme;
    }
}
