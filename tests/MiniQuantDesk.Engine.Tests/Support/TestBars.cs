using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Tests.Support;

/// <summary>Bars for tests that care about closes and order, not about sessions.</summary>
internal static class TestBars
{
    /// <summary>A complete daily bar number <paramref name="index"/> of <paramref name="symbol"/>, every price at
    /// <paramref name="closeMicros"/>, stamped 100 ns apart.</summary>
    public static Bar Flat(SymbolId symbol, int index, long closeMicros) => new()
    {
        Symbol = symbol,
        Timeframe = Timeframe.Daily,
        StartNs = index * 100L,
        EndNs = (index * 100L) + 50,
        Open = new Price(closeMicros),
        High = new Price(closeMicros),
        Low = new Price(closeMicros),
        Close = new Price(closeMicros),
        IsComplete = true,
    };
}
