using System.Runtime.CompilerServices;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// The last business-logic stage: each engine's order manager, portfolio and gateway. It applies broker messages to
/// the orders and fills to the portfolio (exactly once), marks positions, turns the strategy's target positions into
/// orders (target − position − quantity already working), puts every submit, cancel, replace and flatten through the
/// gateway, and when risk decides to flatten it cancels the working orders and sends the flattening orders. The
/// engine's halt is sticky here: the first halt of any stage is kept until an operator clears it. Everything it
/// decided is in the slot's <see cref="PipelineEvent.Decisions"/>; what the gateway approved is what a later
/// consumer (the journal, then the dispatcher; the simulated venue in a backtest) may send.
/// </summary>
public sealed class GatewayStage : IValueEventHandler<PipelineEvent>
{
    private readonly EngineIndex _engines;
    private TradingDayCursor _tradingDay;
    private readonly ExecutionBook[] _books;

    /// <summary>Creates the stage for <paramref name="engines"/>.</summary>
    public GatewayStage(IReadOnlyList<EngineSpec> engines, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(calendar);
        _tradingDay = new TradingDayCursor(calendar);
        _engines = new EngineIndex(engines);
        _books = new ExecutionBook[engines.Count];
        for (int i = 0; i < engines.Count; i++)
        {
            _books[i] = new ExecutionBook(engines[i]);
        }
    }

    /// <summary>The execution state of the engine at <paramref name="index"/> (for inspection once the pipeline
    /// stopped, or between polls of a single-threaded pipeline).</summary>
    public ExecutionBook BookAt(int index) => _books[index];

    /// <inheritdoc />
    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch)
    {
        data.Decisions.Clear();
        data.QueuedCancels.Clear();
        data.OrderEvent = default;
        data.PortfolioFill = default;
        data.HaltedNow = Reason.None;
        int engine = _engines.Of(data.EngineId);
        if (engine < 0)
        {
            data.EngineHalt = Reason.None;
            return;
        }

        ExecutionBook book = _books[engine];
        if (!data.Refused.IsSet)
        {
            Handle(ref data, sequence, book);
        }

        data.EngineHalt = book.Halt;
    }

    private void Handle(ref PipelineEvent data, long sequence, ExecutionBook book)
    {
        // Halts decided upstream become the engine's halt first, so nothing below opens risk on this event.
        if (data.Integrity.Action == Integrity.IntegrityAction.Halt)
        {
            Halt(ref data, book, data.Integrity.Reason);
        }

        if (data.RiskEvent.Action is RiskAction.Halt or RiskAction.FlattenAndHalt)
        {
            Halt(ref data, book, data.RiskEvent.Reason);
        }

        _tradingDay.TryGetTradingDayOrdinal(data.EventTimeNs, out int tradingDay);
        if (data.Kind == PipelineEventKind.Bar && data.Integrity.IsNewBar)
        {
            Reason mark = book.Portfolio.Mark(data.Bar.Symbol, data.Bar.Close, data.EventTimeNs);
            if (mark.IsSet)
            {
                Halt(ref data, book, mark);
            }

            if (data.RiskEvent.Action != RiskAction.FlattenAndHalt && data.Targets.Count > 0)
            {
                Trade(ref data, sequence, book, tradingDay);
            }
        }
        else
        {
            HandleOther(ref data, book, tradingDay);
        }

        if (data.RiskEvent.Action == RiskAction.FlattenAndHalt)
        {
            Flatten(ref data, sequence, book, tradingDay);
        }
    }

    /// <summary>Every event but a new bar (out of line: a bar is the usual event, and these cases' temporaries would
    /// enlarge, and be zeroed in, its frame).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void HandleOther(ref PipelineEvent data, ExecutionBook book, int tradingDay)
    {
        switch (data.Kind)
        {
            case PipelineEventKind.Broker:
                ApplyBroker(ref data, book, tradingDay);
                break;
            case PipelineEventKind.Control:
                Control(ref data, book);
                break;
            case PipelineEventKind.CorporateAction:
                Halt(ref data, book, CorporateActionSteps.ForGateway(in data, book));
                break;
            case PipelineEventKind.RestoreOrder or PipelineEventKind.RestoreRequest:
                Halt(ref data, book, RestoreSteps.ForGateway(in data, book));
                break;
            case PipelineEventKind.RestoreBroker:
                ApplyBroker(ref data, book, tradingDay);
                Halt(ref data, book, RestoreSteps.AfterBroker(ref data));
                break;
        }
    }

    private static void Control(ref PipelineEvent data, ExecutionBook book)
    {
        switch (data.Control.Kind)
        {
            case ControlKind.ReconcileClean:
                book.Reconcile.MarkClean(data.EventTimeNs);
                break;
            case ControlKind.ReconcileDirty:
                book.Reconcile.MarkDirty(new Reason(ReasonCode.ReconcileNotClean, data.Control.Symbol, data.EventTimeNs, data.Control.Value, 0));
                break;
            case ControlKind.ClearHalt:
                book.ClearHalt();
                break;
        }
    }

    private static void ApplyBroker(ref PipelineEvent data, ExecutionBook book, int tradingDay)
    {
        OrderEventResult result = book.Orders.Apply(in data.Broker);
        data.OrderEvent = result;
        if (result.IsHalt)
        {
            Halt(ref data, book, result.Reason);
        }

        if (result.HasNewFill)
        {
            FillResult applied = book.Portfolio.Apply(result.Fill.ForPortfolio(book.EngineId));
            data.PortfolioFill = applied;
            Halt(ref data, book, applied.Reason);
        }

        if (data.Broker.Kind == BrokerEventKind.Fill)
        {
            book.Account.ApplyFill(in data.Broker, tradingDay);
        }

        if (result.IsCancelDue)
        {
            ref readonly Order order = ref book.Orders.Get(result.Order);
            var cancel = new OrderCommand(CommandKind.Cancel, book.EngineId, order.Id, order.ClientOrderId, result.CancelDueTarget, order.Symbol, order.Side, order.Quantity, order.LimitPrice, data.EventTimeNs, order.TimeInForce);
            Decide(ref data, book, in cancel, default, default);
        }

        book.DropEnded();
    }

    /// <summary>Turns each target position into the order that reaches it from the position plus what is working.</summary>
    private static void Trade(ref PipelineEvent data, long sequence, ExecutionBook book, int tradingDay)
    {
        int intentIndex = 0;
        for (int i = 0; i < data.Targets.Count; i++)
        {
            Strategy.TargetPosition target = data.Targets[i];
            long held = book.Portfolio.PositionOf(target.Symbol).Quantity;
            long working = book.WorkingQuantity(target.Symbol);
            long delta;
            try
            {
                delta = checked(target.Shares - held - working);
            }
            catch (OverflowException)
            {
                Halt(ref data, book, new Reason(ReasonCode.ArithmeticOverflow, target.Symbol, data.EventTimeNs, target.Shares, held));
                return;
            }

            if (delta == 0)
            {
                continue;
            }

            var intent = new OrderIntent(target.Symbol, delta > 0 ? Side.Buy : Side.Sell, Math.Abs(delta), OrderType.Market, default, TimeInForce.GoodTillCanceled);
            Submit(ref data, sequence, intentIndex++, book, in intent, CommandKind.Submit, held + working, tradingDay);
        }
    }

    /// <summary>Cancels every working order and sends, for every open position, the order that closes it.</summary>
    private static void Flatten(ref PipelineEvent data, long sequence, ExecutionBook book, int tradingDay)
    {
        for (int i = 0; i < book.LiveOrderCount; i++)
        {
            OrderId id = book.LiveOrderAt(i);
            OrderRequestResult request = book.Orders.RequestCancel(id, data.EventTimeNs);
            if (request.Outcome == OrderRequestOutcome.Send)
            {
                ref readonly Order order = ref book.Orders.Get(id);
                var cancel = new OrderCommand(CommandKind.Cancel, book.EngineId, id, order.ClientOrderId, request.Target, order.Symbol, order.Side, order.Quantity, order.LimitPrice, data.EventTimeNs, order.TimeInForce);
                Decide(ref data, book, in cancel, default, default);
            }
            else if (request.Outcome == OrderRequestOutcome.Queued && !data.QueuedCancels.TryAdd(book.Orders.Get(id).ClientOrderId))
            {
                Halt(ref data, book, new Reason(ReasonCode.CapacityExceeded, book.Orders.Get(id).Symbol, data.EventTimeNs, QueuedCancels.Capacity + 1, QueuedCancels.Capacity));
            }
        }

        int intentIndex = 0;
        for (int symbol = 1; symbol <= book.Portfolio.SymbolCapacity; symbol++)
        {
            long position = book.Portfolio.PositionOf(new SymbolId(symbol)).Quantity;
            if (position != 0)
            {
                var intent = new OrderIntent(new SymbolId(symbol), position > 0 ? Side.Sell : Side.Buy, Math.Abs(position), OrderType.Market, default, TimeInForce.GoodTillCanceled);
                Submit(ref data, sequence, intentIndex++, book, in intent, CommandKind.Flatten, position, tradingDay);
            }
        }
    }

    private static void Submit(ref PipelineEvent data, long sequence, int intentIndex, ExecutionBook book, in OrderIntent intent, CommandKind kind, long position, int tradingDay)
    {
        long at = data.EventTimeNs;
        if (!ClientOrderId.TryCreate(book.EngineId, book.RunId, sequence, intentIndex, out ClientOrderId clientOrderId))
        {
            Halt(ref data, book, new Reason(ReasonCode.CapacityExceeded, intent.Symbol, at, sequence, intentIndex));
            return;
        }

        SymbolPosition held = book.Portfolio.PositionOf(intent.Symbol);
        Price reference = held.Mark;
        Reason allocation = book.Portfolio.CheckAllocation(intent.Symbol, intent.Side, intent.Quantity, reference, at, out Money grossAfter);
        if (allocation.IsSet && allocation.Code is ReasonCode.ArithmeticOverflow)
        {
            Halt(ref data, book, allocation);
            return;
        }

        OrderId next = book.Orders.NextOrderId;
        var command = new OrderCommand(kind, book.EngineId, next, clientOrderId, default, intent.Symbol, intent.Side, intent.Quantity, intent.LimitPrice, at, intent.TimeInForce);
        var checks = new GatewayChecks(data.Armed, data.NotArmedReason, book.Portfolio.AllocationCap, book.Portfolio.GrossExposure, grossAfter, book.RiskWithHalt(in data.Risk));
        var request = new OrderRequest(intent.Symbol, intent.Side, intent.Quantity, reference, position, book.Portfolio.GrossExposure, book.Portfolio.Equity, at, tradingDay, book.Account.OpenedOn(intent.Symbol, tradingDay));
        GatewayDecision decision = Decide(ref data, book, in command, in checks, in request);
        if (!decision.IsApproved)
        {
            return;
        }

        OrderCreateResult created = book.Orders.Create(in intent, sequence, intentIndex, at);
        if (!created.IsCreated || created.Order != next)
        {
            // The approved command names an order the manager did not create: it must never be sent.
            data.Decisions.Clear();
            Halt(ref data, book, created.Reason.IsSet ? created.Reason : new Reason(ReasonCode.MalformedEvent, intent.Symbol, at, created.Order.Value, next.Value));
            return;
        }

        book.AddLive(next);
    }

    private static GatewayDecision Decide(ref PipelineEvent data, ExecutionBook book, in OrderCommand command, in GatewayChecks checks, in OrderRequest request)
    {
        GatewayDecision decision = book.Gateway.Decide(in command, in checks, in request);
        if (!data.Decisions.TryAdd(new CommandDecision(command, decision)))
        {
            Halt(ref data, book, new Reason(ReasonCode.CapacityExceeded, command.Symbol, command.EventTimeNs, CommandDecisions.Capacity + 1, CommandDecisions.Capacity));
            return default;
        }

        if (decision.RiskAction == RiskAction.Halt)
        {
            Halt(ref data, book, decision.Reason);
        }

        return decision;
    }

    private static void Halt(ref PipelineEvent data, ExecutionBook book, Reason reason)
    {
        if (book.HaltWith(reason) && !data.HaltedNow.IsSet)
        {
            data.HaltedNow = reason;
        }
    }
}
