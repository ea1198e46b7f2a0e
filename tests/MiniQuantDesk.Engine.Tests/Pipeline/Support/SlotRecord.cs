using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Engine.Tests.Pipeline.Support;

/// <summary>Everything the stages decided about one event, as comparable values.</summary>
internal sealed record SlotRecord(
    long Sequence,
    int EngineId,
    PipelineEventKind Kind,
    Reason Refused,
    bool Armed,
    IntegrityAction Integrity,
    Reason IntegrityReason,
    string Targets,
    Reason StrategyReason,
    RiskDecision RiskEvent,
    RiskSnapshot Risk,
    OrderEventOutcome OrderOutcome,
    Reason OrderReason,
    FillResult PortfolioFill,
    string Decisions,
    IReadOnlyList<CommandDecision> DecisionList,
    Reason HaltedNow,
    Reason EngineHalt)
{
    public static SlotRecord Of(long sequence, in PipelineEvent data)
    {
        var targets = new List<string>();
        for (int i = 0; i < data.Targets.Count; i++)
        {
            TargetPosition target = data.Targets[i];
            targets.Add($"{target.Symbol.Value}:{target.Shares}");
        }

        var decisions = new List<string>();
        var decisionList = new List<CommandDecision>();
        for (int i = 0; i < data.Decisions.Count; i++)
        {
            CommandDecision decision = data.Decisions[i];
            decisionList.Add(decision);
            decisions.Add($"{decision.Command} -> {(decision.Decision.IsApproved ? "APPROVED" : "REFUSED")} {decision.Decision.RiskAction} {decision.Decision.Reason}");
        }

        return new SlotRecord(
            sequence,
            data.EngineId,
            data.Kind,
            data.Refused,
            data.Armed,
            data.Integrity.Action,
            data.Integrity.Reason,
            string.Join(",", targets),
            data.StrategyReason,
            data.RiskEvent,
            data.Risk,
            data.OrderEvent.Outcome,
            data.OrderEvent.Reason,
            data.PortfolioFill,
            string.Join(" | ", decisions),
            decisionList,
            data.HaltedNow,
            data.EngineHalt);
    }
}
