using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Tests.Portfolio.Support;
using static MiniQuantDesk.Engine.Tests.Portfolio.Support.Trades;

namespace MiniQuantDesk.Engine.Tests.Portfolio;

/// <summary>The portfolio's laws over random fills mixed with splits and dividends.</summary>
public sealed class CorporateActionProperties
{
    private static readonly SplitRatio[] s_ratios = [new(2, 1), new(3, 2), new(1, 2), new(7, 3), new(1, 10), new(5, 4)];

    [Fact]
    public void The_incremental_state_equals_the_replay_of_fills_and_corporate_actions_after_any_sequence()
    {
        Gen<(int Kind, int Symbol, int Quantity, int Cents)[]> steps = Gen.ListOf(
            from kind in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
            from symbol in Gen.Choose(1, 2)
            from quantity in Gen.Choose(-300, 300)
            from cents in Gen.Choose(100, 20_000)
            select (kind, symbol, quantity, cents)).Select(list => list.ToArray());

        Prop.ForAll(steps.ToArbitrary(), script =>
        {
            EnginePortfolio portfolio = NewPortfolio(lots: 512, fills: 1024);
            long fillId = 0;
            foreach ((int kind, int symbolIndex, int quantity, int cents) in script)
            {
                var symbol = new SymbolId(symbolIndex);
                var price = new Price(cents * 10_000L + 3);
                Reason reason = kind switch
                {
                    0 when quantity != 0 => portfolio.Apply(new Fill(TestEngine, ++fillId, symbol, quantity > 0 ? Side.Buy : Side.Sell, Math.Abs(quantity), price, new Money(cents % 7), 1_000)).Reason,
                    1 => portfolio.ApplyCorporateAction(CorporateActionEvent.Split(symbol, s_ratios[Math.Abs(quantity) % s_ratios.Length], price), 1_000),
                    2 => portfolio.ApplyCorporateAction(CorporateActionEvent.Dividend(symbol, 1 + (cents * 37L), price), 1_000),
                    _ => Reason.None,
                };
                if (reason.IsSet)
                {
                    return false.Label($"halted: {reason.Describe()}");
                }
            }

            bool identity = portfolio.Equity == portfolio.InitialCash - portfolio.Fees + portfolio.RealizedPnl + portfolio.UnrealizedPnl;
            bool verified = !portfolio.VerifyAgainstLedger(2_000).IsSet;
            string image = PortfolioImage.Of(portfolio);
            bool rebuilt = !portfolio.Rebuild(portfolio.Ledger.Fills.ToArray(), portfolio.CorporateActions.Actions.ToArray()).IsSet
                && PortfolioImage.Of(portfolio) == image;
            return (identity && verified && rebuilt).Label($"identity {identity}, verified {verified}, rebuilt {rebuilt}");
        }).QuickCheckThrowOnFailure();
    }
}
