using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Tests.Artifacts;

/// <summary>Short-hand fills for tests: prices and fees in micros, times as minutes after a fixed morning; the
/// order id is the minute plus one.</summary>
internal static class Fills
{
    private static readonly long s_morning = NewYork.At(2024, 3, 5, 9, 30, -5);
    public static FillRecord Buy(string symbol, long quantity, long priceMicros, long feeMicros = 0, int minute = 0) =>
        Make(symbol, Side.Buy, quantity, priceMicros, feeMicros, minute);

    public static FillRecord Sell(string symbol, long quantity, long priceMicros, long feeMicros = 0, int minute = 0) =>
        Make(symbol, Side.Sell, quantity, priceMicros, feeMicros, minute);

    public static long Minute(int minute) => s_morning + (minute * 60_000_000_000L);

    private static FillRecord Make(string symbol, Side side, long quantity, long priceMicros, long feeMicros, int minute)
    {
        long orderId = minute + 1;
        return new FillRecord(Minute(minute), orderId, "c" + orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), symbol, side, quantity, priceMicros, feeMicros);
    }
}
