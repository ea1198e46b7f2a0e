using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;

namespace MiniQuantDesk.Engine.Tests.Portfolio.Support;

/// <summary>One step of a random trading day: a fill, or a mark of a symbol at a bar's close.</summary>
/// <param name="Fill">The fill, when <see cref="IsMark"/> is false.</param>
/// <param name="IsMark">True for a mark.</param>
/// <param name="MarkSymbol">The marked symbol.</param>
/// <param name="MarkPrice">The mark.</param>
internal readonly record struct TradingStep(Fill Fill, bool IsMark, SymbolId MarkSymbol, Price MarkPrice)
{
    public override string ToString() =>
        IsMark
            ? $"mark {MarkSymbol.Value} @{MarkPrice}"
            : $"fill {Fill.FillId}: {Fill.Side} {Fill.Quantity} of {Fill.Symbol.Value} @{Fill.Price} fee {Fill.Fee}";
}

/// <summary>
/// Random trading: fills of 1 to 300 shares on random sides (so positions go long, short, flat and cross zero
/// often), prices from one micro to 1000 dollars, fees of zero or up to 10 dollars, marks in between. Fill ids are
/// unique within a script and include zero and negative ids.
/// </summary>
internal static class TradingScript
{
    public const string InitialCash = "100000";

    private static readonly Gen<long> s_price = Gen.OneOf(
        Gen.Choose(1, 1_000_000_000).Select(micros => (long)micros),
        Gen.Choose(90, 110).Select(dollars => dollars * Micros.PerUnit));

    private static readonly Gen<long> s_fee = Gen.OneOf(Gen.Constant(0L), Gen.Choose(0, 10_000_000).Select(micros => (long)micros));

    /// <summary>Scripts over symbols 1 to 3.</summary>
    public static Arbitrary<TradingStep[]> Scripts { get; } = ScriptOver(1, 3, firstFillId: -5).ToArbitrary();

    /// <summary>A script whose steps all concern <paramref name="symbol"/>, its fill ids from <paramref name="firstFillId"/>.</summary>
    public static Gen<TradingStep[]> ScriptOf(int symbol, long firstFillId) => ScriptOver(symbol, symbol, firstFillId);

    public static EnginePortfolio Run(IEnumerable<TradingStep> steps)
    {
        EnginePortfolio portfolio = Trades.NewPortfolio(cash: InitialCash, lots: 1024, fills: 1024);
        foreach (TradingStep step in steps)
        {
            Play(portfolio, step);
        }

        return portfolio;
    }

    /// <summary>Plays one step, which must be accepted.</summary>
    public static void Play(EnginePortfolio portfolio, TradingStep step)
    {
        if (step.IsMark)
        {
            Reason reason = portfolio.Mark(step.MarkSymbol, step.MarkPrice, 0);
            Assert.False(reason.IsSet, reason.Describe());
        }
        else
        {
            FillResult result = portfolio.Apply(step.Fill);
            Assert.True(result.Status is FillStatus.Applied or FillStatus.Duplicate && !result.IsHalt, $"{step}: {result.Status} {result.Reason.Describe()}");
        }
    }

    private static Gen<TradingStep[]> ScriptOver(int firstSymbol, int lastSymbol, long firstFillId)
    {
        Gen<TradingStep> step =
            from isMark in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            from symbol in Gen.Choose(firstSymbol, lastSymbol)
            from side in Gen.Elements(Side.Buy, Side.Sell)
            from quantity in Gen.Choose(1, 300)
            from price in s_price
            from fee in s_fee
            select isMark
                ? new TradingStep(default, true, new SymbolId(symbol), new Price(price))
                : new TradingStep(new Fill(Trades.TestEngine, 0, new SymbolId(symbol), side, quantity, new Price(price), new Money(fee), 0), false, default, default);
        return Gen.ListOf(step).Select(steps => Number(steps, firstFillId));
    }

    /// <summary>Gives each fill its id and event time: ascending from <paramref name="firstFillId"/>.</summary>
    private static TradingStep[] Number(IEnumerable<TradingStep> steps, long firstFillId)
    {
        TradingStep[] numbered = [.. steps];
        long next = firstFillId;
        for (int i = 0; i < numbered.Length; i++)
        {
            if (!numbered[i].IsMark)
            {
                numbered[i] = numbered[i] with { Fill = numbered[i].Fill with { FillId = next, EventTimeNs = 1_000 * (i + 1) } };
                next++;
            }
        }

        return numbered;
    }
}
