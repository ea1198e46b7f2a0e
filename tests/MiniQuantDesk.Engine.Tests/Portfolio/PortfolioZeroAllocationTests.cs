using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using static MiniQuantDesk.Engine.Tests.Portfolio.Support.Trades;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>
/// The portfolio's hot path allocates nothing: once warm, 100,000 fills (each with its ledger check) and a million
/// marks allocate zero bytes on the calling thread (<see cref="GC.GetAllocatedBytesForCurrentThread"/>, which counts
/// exactly this thread). The fills cycle through eight symbols, each cycle opening, adding to, partly closing,
/// crossing zero and closing again, so every path of the lot accounting runs; a duplicate delivery of every fill and a
/// refused fill every hundred are in the loop too (the refusal halts the portfolio, which keeps applying fills). The warm-up runs the same code first so that the JIT has compiled it.
/// </summary>
public sealed class PortfolioZeroAllocationTests
{
    private const int Symbols = 8;
    private const int WarmUpFills = 20_000;
    private const int MeasuredFills = 100_000;
    private const int MarksPerFill = 10;

    [Fact]
    public void Applying_100k_fills_and_1M_marks_in_steady_state_allocates_nothing()
    {
        EnginePortfolio portfolio = NewPortfolio(cash: "1000000", symbols: Symbols, lots: 64, fills: WarmUpFills + MeasuredFills);
        Trade(portfolio, 0, WarmUpFills);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Trade(portfolio, WarmUpFills, MeasuredFills);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(WarmUpFills + MeasuredFills, portfolio.Ledger.Count);
        Assert.Equal(Reason.None, portfolio.VerifyAgainstLedger(0));
    }

    [Fact]
    public void The_allocation_counter_used_by_the_proof_sees_an_allocation_on_this_thread()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        object allocated = new long[4];
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.NotNull(allocated);
        Assert.True(after - before >= 32, $"the counter saw {after - before} bytes");
    }

    /// <summary>Applies <paramref name="count"/> fills from <paramref name="firstFill"/> on, with
    /// <see cref="MarksPerFill"/> marks after each; every fill must be applied cleanly.</summary>
    private static void Trade(EnginePortfolio portfolio, int firstFill, int count)
    {
        for (int n = firstFill; n < firstFill + count; n++)
        {
            // Per symbol, a cycle of five fills: +10, +5, −3, −17 (crosses to −5), +5 (flat).
            var symbol = new SymbolId((n % Symbols) + 1);
            int step = n / Symbols % 5;
            (Side side, long quantity) = step switch
            {
                0 => (Side.Buy, 10L),
                1 => (Side.Buy, 5L),
                2 => (Side.Sell, 3L),
                3 => (Side.Sell, 17L),
                _ => (Side.Buy, 5L),
            };
            var price = new Price((100 * Micros.PerUnit) + (n % 997));
            var fill = new Fill(TestEngine, n, symbol, side, quantity, price, new Money(n % 3 * 10_000), n);
            if (portfolio.Apply(in fill) != FillResult.Applied || portfolio.Apply(in fill) != FillResult.Duplicate)
            {
                throw new InvalidOperationException($"fill {n} was not applied exactly once");
            }

            if (n % 100 == 0 && portfolio.Apply(fill with { FillId = -n - 1, Price = default }).Status != FillStatus.Refused)
            {
                throw new InvalidOperationException($"a zero price after fill {n} was not refused");
            }

            for (int m = 0; m < MarksPerFill; m++)
            {
                if (portfolio.Mark(new SymbolId((m % Symbols) + 1), new Price(price.Micros + m), n).IsSet)
                {
                    throw new InvalidOperationException($"mark {m} after fill {n} was refused");
                }
            }
        }
    }
}
