using System.Globalization;
using System.Text;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Portfolio;

namespace MiniQuantDesk.Engine.Tests.Portfolio.Support;

/// <summary>
/// Everything a user can read from a portfolio, as one text: every total, every symbol's position, marks, PnL and
/// open lots, and the ledger's fill ids. Two portfolios are in the same state exactly when their images are equal,
/// and a failed comparison shows the difference line by line. The halt is left out: refusing a fill halts, and the
/// tests that use the image ask whether the state changed.
/// </summary>
internal static class PortfolioImage
{
    public static string Of(EnginePortfolio portfolio)
    {
        var text = new StringBuilder();
        PortfolioTotals totals = portfolio.Totals;
        text.AppendLine(CultureInfo.InvariantCulture, $"cash {totals.Cash} fees {totals.Fees} realized {totals.RealizedPnl} basis {totals.CostBasis}");
        text.AppendLine(CultureInfo.InvariantCulture, $"net {totals.NetExposure} gross {totals.GrossExposure} unrealized {totals.UnrealizedPnl} equity {totals.Equity}");
        for (int s = 1; s <= portfolio.SymbolCapacity; s++)
        {
            text.AppendLine(Symbol(portfolio, new SymbolId(s)));
        }

        text.Append("ledger");
        foreach (Fill fill in portfolio.Ledger.Fills)
        {
            text.Append(CultureInfo.InvariantCulture, $" {fill.FillId}");
        }

        return text.ToString();
    }

    /// <summary>One symbol's line: position, mark, values, PnL, fees and lots.</summary>
    public static string Symbol(EnginePortfolio portfolio, SymbolId symbol)
    {
        SymbolPosition p = portfolio.PositionOf(symbol);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"symbol {symbol.Value}: qty {p.Quantity} mark {p.Mark} value {p.MarketValue} basis {p.CostBasis} ");
        text.Append(CultureInfo.InvariantCulture, $"realized {p.RealizedPnl} unrealized {p.UnrealizedPnl} fees {p.Fees} increased {p.LastIncreasedAtNs} lots");
        foreach (Lot lot in portfolio.LotsOf(symbol))
        {
            text.Append(CultureInfo.InvariantCulture, $" {lot.Quantity}@{lot.Price}");
        }

        return text.ToString();
    }
}
