using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.CrashChild;

/// <summary>
/// A deterministic stream of complete daily bars of one symbol, one per trading day from <see cref="FirstDay"/>: the
/// close is a random walk seeded by the caller, so a seed names the whole stream and every decision made on it.
/// </summary>
public sealed class SeededBars
{
    /// <summary>The first session of every stream.</summary>
    public static readonly DateOnly FirstDay = new(2021, 1, 4);

    private readonly Random _random;
    private readonly SymbolId _symbol;
    private DateOnly _day = FirstDay;
    private long _closeMicros = 100 * Micros.PerUnit;
    private bool _started;

    /// <summary>A stream for <paramref name="symbol"/> seeded by <paramref name="seed"/>.</summary>
    public SeededBars(int seed, SymbolId symbol)
    {
#pragma warning disable CA5394 // Not security: a seeded stream is the point (the same seed gives the same bars).
        _random = new Random(seed);
#pragma warning restore CA5394
        _symbol = symbol;
    }

    /// <summary>Just before the first session's open: when the engine is armed.</summary>
    public static long ArmTimeNs => NyseCalendar.Default.SessionOpenNs(FirstDay) - 1_000_000_000;

    /// <summary>The next bar: the next trading day, its close a step of up to one dollar either way (never below $10).</summary>
    public Bar Next()
    {
        if (_started)
        {
            _day = NyseCalendar.Default.NextTradingDay(_day);
        }

        _started = true;
#pragma warning disable CA5394 // Not security: see the constructor.
        long step = _random.NextInt64(-Micros.PerUnit, Micros.PerUnit + 1);
#pragma warning restore CA5394
        _closeMicros = Math.Max(10 * Micros.PerUnit, checked(_closeMicros + step));
        long close = _closeMicros;
        return new Bar
        {
            Symbol = _symbol,
            Timeframe = Timeframe.Daily,
            StartNs = NyseCalendar.Default.SessionOpenNs(_day),
            EndNs = NyseCalendar.Default.SessionCloseNs(_day),
            Open = new Price(close),
            High = new Price(close + (close / 100)),
            Low = new Price(close - (close / 100)),
            Close = new Price(close),
            Volume = 1_000_000,
            IsComplete = true,
        };
    }
}
