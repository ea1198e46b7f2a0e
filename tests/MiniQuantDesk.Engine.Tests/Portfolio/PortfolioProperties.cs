using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Tests.Portfolio.Support;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>
/// The portfolio's laws over random trading (see <see cref="TradingScript"/>): fills on three symbols going long,
/// short, flat and through zero, with fees and marks in between. Every step must be accepted, so every property
/// also proves that the per-fill ledger check never raises a false alarm.
/// </summary>
public sealed class PortfolioProperties
{
    [Fact]
    public void Equity_equals_initial_cash_minus_fees_plus_realized_plus_unrealized_after_any_fill_sequence()
    {
        Prop.ForAll(TradingScript.Scripts, script =>
        {
            EnginePortfolio portfolio = Trades.NewPortfolio(cash: TradingScript.InitialCash, lots: 1024);
            foreach (TradingStep step in script)
            {
                TradingScript.Play(portfolio, step);
                Int128 identity = (Int128)portfolio.InitialCash.Micros - portfolio.Fees.Micros + portfolio.RealizedPnl.Micros + portfolio.UnrealizedPnl.Micros;
                Assert.Equal(identity, (Int128)portfolio.Equity.Micros);
                Assert.Equal((Int128)portfolio.Cash.Micros + portfolio.NetExposure.Micros, (Int128)portfolio.Equity.Micros);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_incremental_state_equals_a_recomputation_from_the_ledger_after_any_fill_sequence()
    {
        Prop.ForAll(TradingScript.Scripts, script =>
        {
            EnginePortfolio portfolio = TradingScript.Run(script);
            EnginePortfolio rebuilt = Trades.NewPortfolio(cash: TradingScript.InitialCash, lots: 1024);

            Reason verdict = portfolio.VerifyAgainstLedger(0);
            Reason rebuild = rebuilt.Rebuild(portfolio.Ledger.Fills);
            CopyMarks(portfolio, rebuilt);

            Assert.Equal(Reason.None, verdict);
            Assert.Equal(Reason.None, rebuild);
            Assert.Equal(PortfolioImage.Of(portfolio), PortfolioImage.Of(rebuilt));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_portfolio_agrees_with_a_naive_first_in_first_out_book_after_any_fill_sequence()
    {
        Prop.ForAll(TradingScript.Scripts, script =>
        {
            EnginePortfolio portfolio = TradingScript.Run(script);
            var model = new NaiveFifoModel(Trades.Usd(TradingScript.InitialCash).Micros);
            foreach (TradingStep step in script.Where(step => !step.IsMark))
            {
                model.Apply(step.Fill);
            }

            for (int s = 1; s <= portfolio.SymbolCapacity; s++)
            {
                var symbol = new SymbolId(s);
                Assert.Equal(model.OpenLots(symbol), portfolio.LotsOf(symbol));
                Assert.Equal(model.PositionOf(symbol), portfolio.PositionOf(symbol).Quantity);
                Assert.Equal(model.RealizedOf(symbol), (Int128)portfolio.PositionOf(symbol).RealizedPnl.Micros);
            }

            Assert.Equal(model.Cash, (Int128)portfolio.Cash.Micros);
            Assert.Equal(model.Fees, (Int128)portfolio.Fees.Micros);
            Assert.Equal(model.RealizedPnl, (Int128)portfolio.RealizedPnl.Micros);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Applying_any_fill_twice_changes_nothing()
    {
        Arbitrary<(TradingStep[] Script, int[] Repeats)> scriptsWithRepeats =
            (from script in TradingScript.Scripts.Generator
             from repeats in Gen.ListOf(Gen.Choose(0, int.MaxValue))
             select (script, repeats.ToArray())).ToArbitrary();

        Prop.ForAll(scriptsWithRepeats, input =>
        {
            EnginePortfolio once = TradingScript.Run(input.Script);
            EnginePortfolio twice = TradingScript.Run(WithRepeats(input.Script, input.Repeats));
            string image = PortfolioImage.Of(twice);
            foreach (TradingStep step in input.Script.Where(step => !step.IsMark))
            {
                Assert.Equal(FillResult.Duplicate, twice.Apply(step.Fill with { EventTimeNs = step.Fill.EventTimeNs + 1 }));
            }

            Assert.Equal(PortfolioImage.Of(once), image);
            Assert.Equal(image, PortfolioImage.Of(twice));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_applied_fill_id_is_recognized_and_no_other_whatever_the_ids_and_a_full_ledger()
    {
        // Random ids in a ledger filled to capacity: the id index is then half full, and probes collide often.
        Gen<long> anyId = Gen.OneOf(
            Gen.Choose(-50, 50).Select(id => (long)id),
            from high in Gen.Choose(int.MinValue, int.MaxValue)
            from low in Gen.Choose(int.MinValue, int.MaxValue)
            select ((long)high << 32) | (uint)low);
        Arbitrary<(long[] Ids, long Stranger)> idSets =
            (from ids in Gen.NonEmptyListOf(anyId)
             from stranger in anyId
             select (ids.Distinct().ToArray(), stranger)).ToArbitrary();

        Prop.ForAll(idSets, input =>
        {
            (long[] ids, long stranger) = input;
            EnginePortfolio portfolio = Trades.NewPortfolio(lots: ids.Length, fills: ids.Length);
            foreach (long id in ids)
            {
                portfolio.ApplyAll(Trades.Buy(id, Trades.Msft, 1, "1"));
            }

            foreach (long id in ids)
            {
                Assert.Equal(FillResult.Duplicate, portfolio.Apply(Trades.Buy(id, Trades.Msft, 1, "1")));
            }

            Assert.Equal(ids.Contains(stranger), portfolio.Ledger.Contains(stranger));
            Assert.Equal(ids.Length, portfolio.PositionOf(Trades.Msft).Quantity);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void How_two_symbols_fills_interleave_does_not_change_either_symbols_results()
    {
        Arbitrary<(TradingStep[] First, TradingStep[] Second, bool[] OneWay, bool[] OtherWay)> pairs =
            (from first in TradingScript.ScriptOf(1, firstFillId: 1_000)
             from second in TradingScript.ScriptOf(2, firstFillId: 2_000)
             from oneWay in Gen.ListOf(Gen.Elements(true, false))
             from otherWay in Gen.ListOf(Gen.Elements(true, false))
             select (first, second, oneWay.ToArray(), otherWay.ToArray())).ToArbitrary();

        Prop.ForAll(pairs, input =>
        {
            EnginePortfolio oneWay = TradingScript.Run(Interleave(input.First, input.Second, input.OneWay));
            EnginePortfolio otherWay = TradingScript.Run(Interleave(input.First, input.Second, input.OtherWay));

            Assert.Equal(PortfolioImage.Symbol(oneWay, Trades.Msft), PortfolioImage.Symbol(otherWay, Trades.Msft));
            Assert.Equal(PortfolioImage.Symbol(oneWay, Trades.Spy), PortfolioImage.Symbol(otherWay, Trades.Spy));
            Assert.Equal(oneWay.Totals, otherWay.Totals);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>The script with each repeat inserting a copy of an earlier fill (delivered later) at a later place.</summary>
    private static List<TradingStep> WithRepeats(TradingStep[] script, int[] repeats)
    {
        var steps = script.ToList();
        foreach (int repeat in repeats)
        {
            int[] fills = [.. Enumerable.Range(0, steps.Count).Where(i => !steps[i].IsMark)];
            if (fills.Length == 0)
            {
                break;
            }

            int original = fills[repeat % fills.Length];
            int insertAt = original + 1 + (repeat / fills.Length % (steps.Count - original));
            TradingStep copy = steps[original] with { Fill = steps[original].Fill with { EventTimeNs = steps[original].Fill.EventTimeNs + 7 } };
            steps.Insert(insertAt, copy);
        }

        return steps;
    }

    /// <summary>Merges two scripts keeping each one's order: true takes the first's next step, false the second's.</summary>
    private static List<TradingStep> Interleave(TradingStep[] first, TradingStep[] second, bool[] takeFirst)
    {
        var merged = new List<TradingStep>(first.Length + second.Length);
        int a = 0;
        int b = 0;
        foreach (bool fromFirst in takeFirst)
        {
            if (fromFirst && a < first.Length)
            {
                merged.Add(first[a++]);
            }
            else if (b < second.Length)
            {
                merged.Add(second[b++]);
            }
        }

        merged.AddRange(first[a..]);
        merged.AddRange(second[b..]);
        return merged;
    }

    private static void CopyMarks(EnginePortfolio from, EnginePortfolio to)
    {
        for (int s = 1; s <= from.SymbolCapacity; s++)
        {
            Price mark = from.PositionOf(new SymbolId(s)).Mark;
            if (mark.IsValid)
            {
                Assert.Equal(Reason.None, to.Mark(new SymbolId(s), mark, 0));
            }
        }
    }
}
