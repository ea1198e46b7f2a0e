using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;

namespace MiniQuantDesk.Engine.Tests.Portfolio.Support;

/// <summary>Builds portfolios and fills from readable decimal text, so that a test states its numbers as a
/// trader would write them ("101.25"), and they are exact micros.</summary>
internal static class Trades
{
    /// <summary>The engine the tests' portfolios belong to.</summary>
    public const int TestEngine = 7;

    public static readonly SymbolId Msft = new(1);
    public static readonly SymbolId Spy = new(2);
    public static readonly SymbolId Aapl = new(3);

    public static EnginePortfolio NewPortfolio(
        string cash = "100000",
        string cap = "1000000",
        int engineId = TestEngine,
        int symbols = 3,
        int lots = 64,
        int fills = 1024) =>
        new(engineId, new PortfolioOptions
        {
            InitialCash = Usd(cash),
            AllocationCap = Usd(cap),
            SymbolCapacity = symbols,
            OpenLotCapacity = lots,
            FillCapacity = fills,
        });

    public static Price Px(string text) => new(Micros(text));

    public static Money Usd(string text) => new(Micros(text));

    public static Fill Buy(long fillId, SymbolId symbol, long quantity, string price, string fee = "0", int engineId = TestEngine, long atNs = 1_000) =>
        new(engineId, fillId, symbol, Side.Buy, quantity, Px(price), Usd(fee), atNs);

    public static Fill Sell(long fillId, SymbolId symbol, long quantity, string price, string fee = "0", int engineId = TestEngine, long atNs = 1_000) =>
        new(engineId, fillId, symbol, Side.Sell, quantity, Px(price), Usd(fee), atNs);

    /// <summary>Applies fills that must all be applied cleanly.</summary>
    public static void ApplyAll(this EnginePortfolio portfolio, params Fill[] fills)
    {
        foreach (Fill fill in fills)
        {
            FillResult result = portfolio.Apply(fill);
            Assert.True(result == FillResult.Applied, $"fill {fill.FillId}: {result.Status} {result.Reason.Describe()}");
        }
    }

    /// <summary>The symbol's open lots, oldest first.</summary>
    public static Lot[] LotsOf(this EnginePortfolio portfolio, SymbolId symbol)
    {
        var lots = new Lot[portfolio.OpenLotCapacity];
        return lots[..portfolio.CopyLots(symbol, lots)];
    }

    private static long Micros(string text) =>
        DecimalText.TryParseMicros(text, out long micros, out bool rounded) == NumericError.None && !rounded
            ? micros
            : throw new FormatException($"'{text}' is not an exact amount");
}
