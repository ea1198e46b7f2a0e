using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// What each stage does with a <see cref="PipelineEventKind.CorporateAction"/> event. Every stage follows the same
/// positions, so each applies the action to its own copy by the same rules (<see cref="CorporateActionMath"/>), and
/// all of them decide alike whether it applies: unless the integrity stage halted on it (its time went backwards),
/// an action is applied even by a halted engine, because it is a fact, like a fill.
/// </summary>
internal static class CorporateActionSteps
{
    /// <summary>True when the stages apply the event's action.</summary>
    public static bool Applies(in PipelineEvent data) => data.Integrity.Action != IntegrityAction.Halt;

    /// <summary>Strategy stage: its account copy follows the action, then the strategy hears of it (to rescale its
    /// price history at a split).</summary>
    public static void ForStrategy(in PipelineEvent data, AccountMirror account, StrategyHost host)
    {
        if (Applies(in data) && account.ApplyCorporateAction(in data.CorporateAction))
        {
            host.OnCorporateAction(in data.CorporateAction);
        }
    }

    /// <summary>Risk stage: its account copy follows the action, and the equity after it is judged (a dividend paid
    /// by a short moves it). An action its copy cannot take although the symbol is known halts: the copy would
    /// otherwise part from the portfolio.</summary>
    public static RiskDecision ForRisk(in PipelineEvent data, RiskEngine risk, AccountMirror account, int tradingDay)
    {
        ref readonly CorporateActionEvent action = ref data.CorporateAction;
        if (!Applies(in data) || !account.Follows(action.Symbol) || !action.HasValidTerms)
        {
            return RiskDecision.Allow; // the portfolio refuses it with the reason
        }

        if (!account.ApplyCorporateAction(in action))
        {
            return RiskStage.HaltWith(risk, new Reason(ReasonCode.ArithmeticOverflow, action.Symbol, data.EventTimeNs, account.PositionOf(action.Symbol), action.ReferencePrice.Micros));
        }

        return RiskStage.OnEquity(risk, account, data.EventTimeNs, tradingDay, action.Symbol);
    }

    /// <summary>Gateway stage: the portfolio applies it (and checks itself against its ledgers), the order manager
    /// puts the symbol's open orders on the new basis at a split, and the gateway's account copy follows. Returns the
    /// reason to halt for, or <see cref="Reason.None"/>.</summary>
    public static Reason ForGateway(in PipelineEvent data, ExecutionBook book)
    {
        if (!Applies(in data))
        {
            return Reason.None;
        }

        ref readonly CorporateActionEvent action = ref data.CorporateAction;
        Reason refused = book.Portfolio.ApplyCorporateAction(in action, data.EventTimeNs);
        if (refused.IsSet)
        {
            return refused;
        }

        if (action.Type == CorporateActionType.Split)
        {
            refused = book.Orders.ApplySplit(action.Symbol, action.Ratio, data.EventTimeNs, out _);
            if (refused.IsSet)
            {
                return refused;
            }
        }

        return book.Account.ApplyCorporateAction(in action)
            ? Reason.None
            : new Reason(ReasonCode.ArithmeticOverflow, action.Symbol, data.EventTimeNs, book.Account.PositionOf(action.Symbol), action.ReferencePrice.Micros);
    }
}
