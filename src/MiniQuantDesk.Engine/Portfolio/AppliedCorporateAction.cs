using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>A corporate action as the portfolio applied it: the action, where it falls among the fills, and what it
/// did to the symbol.</summary>
/// <param name="Action">The action as received.</param>
/// <param name="EventTimeNs">Its event time.</param>
/// <param name="FillPosition">How many fills the ledger held when it was applied: it comes after the fill at
/// <c>FillPosition − 1</c> and before the fill at <c>FillPosition</c>. A replay applies it there.</param>
/// <param name="PositionBefore">The symbol's position before.</param>
/// <param name="PositionAfter">The symbol's position after (a split's whole shares).</param>
/// <param name="Cash">Cash received (positive) or paid (negative): cash in lieu, or the dividend.</param>
/// <param name="RealizedPnl">The change of realized profit: the cash plus the change of the cost basis.</param>
public readonly record struct AppliedCorporateAction(
    CorporateActionEvent Action,
    long EventTimeNs,
    int FillPosition,
    long PositionBefore,
    long PositionAfter,
    Money Cash,
    Money RealizedPnl);
