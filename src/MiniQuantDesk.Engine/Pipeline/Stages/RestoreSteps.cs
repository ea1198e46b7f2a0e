using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// What each stage does with the restore events a start publishes before any live event. The gateway puts orders
/// and requests back into the order manager under their original ids and applies the replayed broker messages like
/// live ones (so fills reach the portfolio once and every fill id is remembered), but nothing it does is a command:
/// no restore event may produce a <see cref="CommandDecision"/>. The strategy and risk stages follow the replayed
/// fills in their own account copies, as live; risk records day trades (the PDT window spans runs) and broker
/// rejections (the reject-storm window) at their own times, but does not judge the equity along the replay, whose
/// path (fills without the bars between them) is not the one the earlier run saw, so a halt there would be invented:
/// the equity baselines (daily loss, drawdown peak) come instead from the risk checkpoint the journal kept, put back
/// last. A restore the engine cannot take halts with the reason.
/// </summary>
internal static class RestoreSteps
{
    /// <summary>Strategy stage: the replayed fill moves its account copy.</summary>
    public static void ForStrategy(in PipelineEvent data, AccountMirror account) =>
        account.ApplyFill(in data.Broker, tradingDay: 0);

    /// <summary>Risk stage: the replayed fill moves its account copy and counts as a day trade where it was one; a
    /// fill the copy cannot take halts, as live.</summary>
    public static RiskDecision ForRisk(in PipelineEvent data, RiskEngine risk, AccountMirror account, int tradingDay)
    {
        long at = data.EventTimeNs;
        SymbolId symbol = data.Broker.Symbol;
        switch (account.ApplyFill(in data.Broker, tradingDay))
        {
            case MirrorFill.AppliedDayTrade:
                risk.RecordDayTrade(tradingDay);
                return RiskDecision.Allow;
            case MirrorFill.Overflow:
                return RiskStage.HaltWith(risk, new Reason(ReasonCode.ArithmeticOverflow, symbol, at, data.Broker.Quantity, data.Broker.Price.Micros));
            case MirrorFill.Full:
                return RiskStage.HaltWith(risk, new Reason(ReasonCode.CapacityExceeded, symbol, at, data.Broker.FillId, 0));
            default:
                return RiskDecision.Allow;
        }
    }

    /// <summary>Risk stage: puts back the equity baselines and kill switch the journal kept; when it kept none (a
    /// checkpoint with no equity), halts: the daily loss and the drawdown must never be judged from zero.</summary>
    public static RiskDecision RestoreRisk(in PipelineEvent data, RiskEngine risk)
    {
        if (!data.RestoredRisk.HasEquity)
        {
            return RiskStage.HaltWith(risk, new Reason(ReasonCode.RiskStateNotRestored, SymbolId.None, data.EventTimeNs, 0, 0));
        }

        risk.Restore(in data.RestoredRisk);
        return RiskDecision.Allow;
    }

    /// <summary>Gateway stage: puts a restored order or request into the order manager; returns the halt reason
    /// when it cannot.</summary>
    public static Reason ForGateway(in PipelineEvent data, ExecutionBook book) =>
        data.Kind == PipelineEventKind.RestoreOrder ? RestoreOrder(in data, book) : RestoreRequest(in data, book);

    /// <summary>Gateway stage, after a replayed broker message was applied: a restore must never produce a command
    /// (a cancel that became due, say). None can: a queued cancel is journaled as queued, and the ack that made it due
    /// turned that row into a sent cancel in the same transaction, which is put back after the ack as a sent request;
    /// a restored order is queued only while its ack is not in the journal. If a command ever came, it is dropped and
    /// the engine halts rather than send it.</summary>
    public static Reason AfterBroker(ref PipelineEvent data)
    {
        if (data.Decisions.Count == 0)
        {
            return Reason.None;
        }

        long commands = data.Decisions.Count;
        data.Decisions.Clear();
        return new Reason(ReasonCode.MalformedEvent, data.Broker.Symbol, data.EventTimeNs, commands, 0);
    }

    private static Reason RestoreOrder(in PipelineEvent data, ExecutionBook book)
    {
        OrderCreateResult created = book.Orders.Restore(in data.Restore, data.EventTimeNs);
        if (!created.IsCreated)
        {
            return created.Reason;
        }

        book.AddLive(created.Order);
        return Reason.None;
    }

    private static Reason RestoreRequest(in PipelineEvent data, ExecutionBook book)
    {
        ref readonly RestoredRequest request = ref data.RestoreRequest;
        long at = data.EventTimeNs;
        if (!book.Orders.TryFind(request.ClientOrderId, out OrderId order))
        {
            return new Reason(ReasonCode.UnknownOrder, SymbolId.None, at, request.ClientOrderId.EventSequence, request.ClientOrderId.RunId);
        }

        OrderRequestResult result = request.Kind switch
        {
            CommandKind.Cancel => book.Orders.RequestCancel(order, at),
            CommandKind.Replace => book.Orders.RequestReplace(order, request.Quantity, request.LimitPrice, at),
            _ => new OrderRequestResult(OrderRequestOutcome.Refused, order, BrokerOrderId.None, new Reason(ReasonCode.MalformedEvent, SymbolId.None, at, (long)request.Kind, 0)),
        };

        // The earlier run sent this request to a broker order it knew, or (a queued cancel) asked for it before the
        // broker named the order; anything else means the journal and the order manager disagree about the order.
        OrderRequestOutcome expected = request.Queued ? OrderRequestOutcome.Queued : OrderRequestOutcome.Send;
        if (result.Outcome == expected)
        {
            return Reason.None;
        }

        return result.Outcome == OrderRequestOutcome.Refused
            ? result.Reason
            : new Reason(ReasonCode.NoBrokerOrderId, book.Orders.Get(order).Symbol, at, (long)result.Outcome, (long)expected);
    }
}
