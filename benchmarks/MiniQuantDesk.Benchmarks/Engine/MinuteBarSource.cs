using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Benchmarks.Engine;

/// <summary>
/// An endless, deterministic stream of one symbol's one-minute bars over consecutive NYSE sessions from 1990, made
/// on the fly without allocating: a random walk of the close (SplitMix64, fixed seed) in whole cents, so that
/// <c>sma-cross</c> crosses every few dozen bars and the whole chain — orders, acks, fills — does real work.
/// Early closes end the session at 13:00, as the calendar says, so integrity never sees a gap.
/// </summary>
public sealed class MinuteBarSource
{
    private readonly NyseCalendar _calendar = NyseCalendar.Default;
    private readonly SymbolId _symbol;
    private ulong _state = 0x9E3779B97F4A7C15UL;
    private DateOnly _day;
    private long _nextStartNs;
    private long _closeNs;
    private long _price = 100 * Micros.PerUnit;

    /// <summary>Starts at the first session of 1990.</summary>
    public MinuteBarSource(SymbolId symbol)
    {
        _symbol = symbol;
        _day = new DateOnly(1990, 1, 2);
        StartDay();
    }

    /// <summary>The start of the next bar: an event time just before it is a fine time to arm an engine.</summary>
    public long NextStartNs => _nextStartNs;

    /// <summary>Writes the next bar into <paramref name="bar"/>.</summary>
    public void Next(out Bar bar)
    {
        if (_nextStartNs >= _closeNs)
        {
            _day = _calendar.NextTradingDay(_day);
            StartDay();
        }

        long open = _price;
        // A step of -20..+20 cents with a slow drift that turns every ~2,000 bars, so both averages trend and cross.
        ulong random = NextRandom();
        long step = ((long)(random % 41) - 20 + (((long)(random >> 32) % 2_000) < 1_000 ? 1 : -1)) * 10_000;
        long close = Math.Clamp(open + step, 10 * Micros.PerUnit, 1_000 * Micros.PerUnit);
        _price = close;
        bar = new Bar
        {
            Symbol = _symbol,
            Timeframe = Timeframe.OneMinute,
            StartNs = _nextStartNs,
            EndNs = _nextStartNs + EventTime.NanosPerMinute,
            Open = new Price(open),
            High = new Price(Math.Max(open, close) + 10_000),
            Low = new Price(Math.Min(open, close) - 10_000),
            Close = new Price(close),
            Volume = 10_000,
            IsComplete = true,
        };
        _nextStartNs += EventTime.NanosPerMinute;
    }

    private void StartDay()
    {
        _nextStartNs = _calendar.SessionOpenNs(_day);
        _closeNs = _calendar.SessionCloseNs(_day);
    }

    private ulong NextRandom()
    {
        // SplitMix64: tiny, fast and the same on every runtime.
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
