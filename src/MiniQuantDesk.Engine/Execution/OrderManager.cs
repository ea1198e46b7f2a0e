using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// The engine's order management system: a pre-allocated store of the run's orders and fills, driven by the
/// engine's requests (create, cancel, replace) and the broker's events (ack, fill, cancel ack, ...), which it holds
/// to the <see cref="OrderStateMachine"/>. Pure and deterministic: no I/O, no clock (time comes from events), no
/// allocation after construction — every capacity is fixed up front and exceeding one is a named halt
/// (<see cref="ReasonCode.CapacityExceeded"/>), never growth. It never throws on broker input: every apply returns
/// applied, duplicate-ignored or halt with a reason and evidence, and a halting event changes nothing.
/// <para>
/// Exactly once: a broker message id is applied once (the run's message ids are kept in a fixed hash set of
/// <c>messageCapacity</c> entries), and a fill id is applied once whatever message carries it (the fill ledger of
/// <c>fillCapacity</c> entries is indexed by fill id; a fill id that comes back with other terms halts with
/// <see cref="ReasonCode.ConflictingFill"/>). Both are bounded by the run, not by time: rebuilt at start by
/// replaying the journal's inbox through <see cref="Apply"/>, they remember everything the run applied.
/// </para>
/// <para>
/// A gateway drives it: <see cref="Create"/> gives the client order id to submit with; <see cref="RequestCancel"/>
/// and <see cref="RequestReplace"/> say which broker order to target (or that a cancel is queued until the broker
/// names the order); <see cref="Apply"/> reports new fills for the portfolio and queued cancels that became due.
/// Slots are never reused within a run, so <c>orderCapacity</c> is the most orders one run can create.
/// </para>
/// <para>Not thread-safe, and not meant to be: like every business-logic handler it is owned by one thread.</para>
/// </summary>
public sealed class OrderManager
{
    private readonly Order[] _orders;
    private readonly OrderFill[] _fills;
    private readonly FixedLongMap _fillIndex;
    private readonly FixedLongMap _appliedMessages;
    private readonly BrokerOrderMap _brokerOrders;
    private int _orderCount;
    private int _fillCount;

    // The slot the last lookup by client order id found: brokers answer orders roughly in the order they were
    // sent, so the next answer is usually for this order or the one after it.
    private int _lastFound;

    /// <summary>Creates the OMS of one engine's run, with every structure allocated now.</summary>
    /// <param name="engineId">The engine, 1 to <see cref="ClientOrderId.MaxEngineId"/>.</param>
    /// <param name="runId">The run, 1 to <see cref="ClientOrderId.MaxRunId"/>.</param>
    /// <param name="orderCapacity">The most orders the run can create.</param>
    /// <param name="fillCapacity">The most fills the run can apply.</param>
    /// <param name="messageCapacity">The most broker messages the run can apply (every applied message id is kept
    /// for de-duplication).</param>
    /// <param name="brokerOrderIdCapacity">The most broker order ids the run can map (one per acknowledged order,
    /// plus one per replace that renames its order).</param>
    /// <exception cref="ArgumentOutOfRangeException">An id or capacity is out of range.</exception>
    public OrderManager(
        int engineId,
        long runId,
        int orderCapacity = 16_384,
        int fillCapacity = 65_536,
        int messageCapacity = 262_144,
        int brokerOrderIdCapacity = 32_768)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(engineId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(engineId, ClientOrderId.MaxEngineId);
        ArgumentOutOfRangeException.ThrowIfLessThan(runId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runId, ClientOrderId.MaxRunId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orderCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fillCapacity);
        EngineId = engineId;
        RunId = runId;
        _orders = Preallocated.Array<Order>(orderCapacity);
        _fills = Preallocated.Array<OrderFill>(fillCapacity);
        _fillIndex = new FixedLongMap(fillCapacity);
        _appliedMessages = new FixedLongMap(messageCapacity);
        _brokerOrders = new BrokerOrderMap(brokerOrderIdCapacity);
    }

    /// <summary>The engine whose orders these are.</summary>
    public int EngineId { get; }

    /// <summary>The run the orders belong to.</summary>
    public long RunId { get; }

    /// <summary>The most orders the run can create.</summary>
    public int OrderCapacity => _orders.Length;

    /// <summary>The orders created so far, in creation (and client order id) order; slot i is <c>OrderId(i + 1)</c>.</summary>
    public ReadOnlySpan<Order> Orders => _orders.AsSpan(0, _orderCount);

    /// <summary>The id the next created order will get (the gateway judges a new order before it is created).</summary>
    public OrderId NextOrderId => new(_orderCount + 1);

    /// <summary>The fill ledger: every fill applied, in the order applied (what the portfolio recomputes from).</summary>
    public ReadOnlySpan<OrderFill> Fills => _fills.AsSpan(0, _fillCount);

    /// <summary>The broker order map.</summary>
    public BrokerOrderMap BrokerOrders => _brokerOrders;

    /// <summary>How many broker messages were applied (and are remembered for de-duplication).</summary>
    public int AppliedMessageCount => _appliedMessages.Count;

    /// <summary>The order behind <paramref name="order"/>, read in place.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such order in this OMS.</exception>
    public ref readonly Order Get(OrderId order)
    {
        if (!Contains(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order.Value, $"This OMS holds orders 1 to {_orderCount}.");
        }

        return ref _orders[order.Value - 1];
    }

    /// <summary>True when <paramref name="order"/> is an order of this OMS.</summary>
    public bool Contains(OrderId order) => (uint)(order.Value - 1) < (uint)_orderCount;

    /// <summary>Finds an order by its client order id: first the order found last and the one after it (usually
    /// a hit), else a binary search (ids are created in increasing order, so each id is in one slot only).</summary>
    public bool TryFind(ClientOrderId clientOrderId, out OrderId order)
    {
        int hint = _lastFound;
        if (hint < _orderCount && _orders[hint].ClientOrderId == clientOrderId)
        {
            order = new OrderId(hint + 1);
            return true;
        }

        if (hint + 1 < _orderCount && _orders[hint + 1].ClientOrderId == clientOrderId)
        {
            _lastFound = hint + 1;
            order = new OrderId(hint + 2);
            return true;
        }

        int low = 0;
        int high = _orderCount - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int comparison = _orders[middle].ClientOrderId.CompareTo(clientOrderId);
            if (comparison == 0)
            {
                _lastFound = middle;
                order = new OrderId(middle + 1);
                return true;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        order = OrderId.None;
        return false;
    }

    /// <summary>
    /// Creates an order in <see cref="OrderState.PendingNew"/> from an intent decided at event
    /// <paramref name="eventSequence"/>. Its client order id is (engine, run, sequence, intent index), so a replay
    /// creates the same ids; ids must increase through the run. A malformed intent, an id out of order or a full
    /// store creates nothing and returns the halt reason.
    /// </summary>
    public OrderCreateResult Create(in OrderIntent intent, long eventSequence, int intentIndex, long eventTimeNs)
    {
        Reason invalid = CheckIntent(in intent, eventTimeNs);
        if (invalid.IsSet)
        {
            return new OrderCreateResult(OrderId.None, ClientOrderId.None, invalid);
        }

        if (!ClientOrderId.TryCreate(EngineId, RunId, eventSequence, intentIndex, out ClientOrderId clientOrderId))
        {
            return new OrderCreateResult(OrderId.None, ClientOrderId.None, new Reason(ReasonCode.MalformedEvent, intent.Symbol, eventTimeNs, eventSequence, intentIndex));
        }

        return Append(in intent, clientOrderId, eventTimeNs);
    }

    /// <summary>
    /// Puts back an order an earlier run of this engine created, under its original client order id, in
    /// <see cref="OrderState.PendingNew"/> (the broker messages replayed after it bring it to its state). Nothing is
    /// sent. Refused, creating nothing, with the halt reason: an id of another engine
    /// (<see cref="ReasonCode.WrongEngine"/>), an id not of an earlier run than this one, or not after the last order
    /// in the store — a duplicate included (<see cref="ReasonCode.ClientOrderIdOutOfOrder"/>), malformed terms (the
    /// checks of <see cref="Create"/>), or a full store.
    /// </summary>
    public OrderCreateResult Restore(in RestoredOrder restored, long eventTimeNs)
    {
        ClientOrderId clientOrderId = restored.ClientOrderId;
        if (!clientOrderId.IsSet)
        {
            return new OrderCreateResult(OrderId.None, ClientOrderId.None, new Reason(ReasonCode.MalformedEvent, restored.Symbol, eventTimeNs, 0, EngineId));
        }

        if (clientOrderId.EngineId != EngineId)
        {
            return new OrderCreateResult(OrderId.None, ClientOrderId.None, new Reason(ReasonCode.WrongEngine, restored.Symbol, eventTimeNs, clientOrderId.EngineId, EngineId));
        }

        if (clientOrderId.RunId >= RunId)
        {
            // Only earlier runs are restored: this run makes its own ids, which must sort after every restored one.
            return new OrderCreateResult(OrderId.None, ClientOrderId.None, new Reason(ReasonCode.ClientOrderIdOutOfOrder, restored.Symbol, eventTimeNs, clientOrderId.RunId, RunId));
        }

        OrderIntent intent = restored.Intent;
        Reason invalid = CheckIntent(in intent, eventTimeNs);
        if (invalid.IsSet)
        {
            return new OrderCreateResult(OrderId.None, ClientOrderId.None, invalid);
        }

        return Append(in intent, clientOrderId, eventTimeNs);
    }

    /// <summary>Stores a checked intent as a new <see cref="OrderState.PendingNew"/> order under
    /// <paramref name="clientOrderId"/>; refused, storing nothing, when the id does not come after the last order's
    /// (ids are kept in increasing order, which <see cref="TryFind"/> relies on) or the store is full.</summary>
    private OrderCreateResult Append(in OrderIntent intent, ClientOrderId clientOrderId, long eventTimeNs)
    {
        if (_orderCount > 0 && clientOrderId <= _orders[_orderCount - 1].ClientOrderId)
        {
            ClientOrderId last = _orders[_orderCount - 1].ClientOrderId;
            return new OrderCreateResult(OrderId.None, ClientOrderId.None, new Reason(ReasonCode.ClientOrderIdOutOfOrder, intent.Symbol, eventTimeNs, clientOrderId.EventSequence, last.EventSequence));
        }

        if (_orderCount == _orders.Length)
        {
            return new OrderCreateResult(OrderId.None, ClientOrderId.None, new Reason(ReasonCode.CapacityExceeded, intent.Symbol, eventTimeNs, _orderCount + 1L, _orders.Length));
        }

        var id = new OrderId(_orderCount + 1);
        _orders[_orderCount++] = new Order
        {
            Id = id,
            ClientOrderId = clientOrderId,
            Symbol = intent.Symbol,
            Side = intent.Side,
            Type = intent.Type,
            TimeInForce = intent.TimeInForce,
            Quantity = intent.Quantity,
            LimitPrice = intent.LimitPrice,
            State = OrderState.PendingNew,
            CreatedAtNs = eventTimeNs,
            UpdatedAtNs = eventTimeNs,
        };
        return new OrderCreateResult(id, clientOrderId, Reason.None);
    }

    /// <summary>
    /// Asks to cancel an order. A working order the broker has named goes to <see cref="OrderState.PendingCancel"/>
    /// and the answer says which broker order to send the cancel to. An order the broker has not named yet keeps its
    /// state with the cancel queued: it is sent (reported as due by <see cref="Apply"/>) as soon as the broker's id
    /// arrives, and dropped if the order ends first — a cancel is never lost and never sent blind. An ended order,
    /// or one with a request already pending, is refused (nothing changes).
    /// </summary>
    public OrderRequestResult RequestCancel(OrderId order, long eventTimeNs)
    {
        if (!Contains(order))
        {
            return Refused(order, new Reason(ReasonCode.UnknownOrder, SymbolId.None, eventTimeNs, order.Value, _orderCount));
        }

        ref Order stored = ref _orders[order.Value - 1];
        Reason busy = CheckRequestable(in stored, eventTimeNs);
        if (busy.IsSet)
        {
            return Refused(order, busy);
        }

        stored.UpdatedAtNs = eventTimeNs;
        if (!stored.BrokerOrderId.IsSet)
        {
            stored.CancelQueued = true;
            return new OrderRequestResult(OrderRequestOutcome.Queued, order, BrokerOrderId.None, Reason.None);
        }

        stored.State = OrderState.PendingCancel;
        stored.CancelOutstanding = true;
        return new OrderRequestResult(OrderRequestOutcome.Send, order, stored.BrokerOrderId, Reason.None);
    }

    /// <summary>
    /// Asks to replace a working order's total quantity and limit. It goes to <see cref="OrderState.PendingReplace"/>
    /// (the old terms hold until the broker answers) and the answer says which broker order to send the replace to.
    /// Refused, with nothing changed: an order the broker has not named yet (a replace is not queued: the engine
    /// decides again on fresh state), an ended order, a request already pending, a new total not above the filled
    /// quantity, or a limit that does not fit the order's type (positive for a limit order, 0 for a market order).
    /// </summary>
    public OrderRequestResult RequestReplace(OrderId order, long newQuantity, Price newLimitPrice, long eventTimeNs)
    {
        if (!Contains(order))
        {
            return Refused(order, new Reason(ReasonCode.UnknownOrder, SymbolId.None, eventTimeNs, order.Value, _orderCount));
        }

        ref Order stored = ref _orders[order.Value - 1];
        Reason refusal = CheckRequestable(in stored, eventTimeNs);
        if (!refusal.IsSet)
        {
            refusal = CheckReplaceTerms(in stored, newQuantity, newLimitPrice, eventTimeNs);
        }

        if (refusal.IsSet)
        {
            return Refused(order, refusal);
        }

        stored.State = OrderState.PendingReplace;
        stored.RequestedQuantity = newQuantity;
        stored.RequestedLimitPrice = newLimitPrice;
        stored.UpdatedAtNs = eventTimeNs;
        return new OrderRequestResult(OrderRequestOutcome.Send, order, stored.BrokerOrderId, Reason.None);
    }

    /// <summary>
    /// Applies one broker event. Checks, in order: the event's shape; whether its message was applied before
    /// (duplicate, ignored); which order it names (by client order id, else by broker id: unknown → halt); whether a
    /// fill id was applied before (duplicate, or conflicting terms → halt); the capacities it would use; and the
    /// state machine. Only when everything passes is anything written.
    /// </summary>
    public OrderEventResult Apply(in BrokerOrderEvent brokerEvent)
    {
        Reason malformed = CheckShape(in brokerEvent);
        if (malformed.IsSet)
        {
            return Unresolved(in brokerEvent, malformed);
        }

        if (_appliedMessages.TryGetValue(brokerEvent.MessageId, out int appliedSlot))
        {
            OrderState state = _orders[appliedSlot].State;
            return Result(OrderEventOutcome.DuplicateIgnored, appliedSlot, in brokerEvent, state, state, Reason.None, default, BrokerOrderId.None);
        }

        Reason unresolved = Resolve(in brokerEvent, out int slot, out BrokerIdMatch idMatch);
        if (unresolved.IsSet)
        {
            return slot < 0 ? Unresolved(in brokerEvent, unresolved) : Halt(slot, in brokerEvent, unresolved, default);
        }

        ref Order stored = ref _orders[slot];
        if (brokerEvent.Kind == BrokerEventKind.Fill && _fillIndex.TryGetValue(brokerEvent.FillId, out int fillIndex))
        {
            OrderFill recorded = _fills[fillIndex];
            bool same = recorded.Order == stored.Id && recorded.Quantity == brokerEvent.Quantity
                && recorded.Price == brokerEvent.Price && recorded.Fee == brokerEvent.Fee;
            return same
                ? Result(OrderEventOutcome.DuplicateIgnored, slot, in brokerEvent, stored.State, stored.State, Reason.None, recorded, BrokerOrderId.None)
                : Halt(slot, in brokerEvent, new Reason(ReasonCode.ConflictingFill, stored.Symbol, brokerEvent.EventTimeNs, brokerEvent.FillId, fillIndex), recorded);
        }

        if (brokerEvent.Kind == BrokerEventKind.Fill && (brokerEvent.Symbol != stored.Symbol || brokerEvent.Side != stored.Side))
        {
            bool symbolDiffers = brokerEvent.Symbol != stored.Symbol;
            long observed = symbolDiffers ? brokerEvent.Symbol.Value : (long)brokerEvent.Side;
            long expected = symbolDiffers ? stored.Symbol.Value : (long)stored.Side;
            return Halt(slot, in brokerEvent, new Reason(ReasonCode.MalformedEvent, stored.Symbol, brokerEvent.EventTimeNs, observed, expected), default);
        }

        Reason full = CheckCapacity(in brokerEvent, idMatch, stored.Symbol);
        if (full.IsSet)
        {
            return Halt(slot, in brokerEvent, full, default);
        }

        Order next = stored;
        var effects = default(TransitionEffects);
        Reason refused = OrderStateMachine.Apply(ref next, in brokerEvent, idMatch, ref effects);
        if (refused.IsSet)
        {
            return Halt(slot, in brokerEvent, refused, default);
        }

        OrderState from = stored.State;
        stored = next;
        _appliedMessages.Add(brokerEvent.MessageId, slot);
        if (effects.MapBrokerId)
        {
            _brokerOrders.Add(brokerEvent.BrokerOrderId, stored.Id);
        }

        OrderFill fill = default;
        if (effects.NewFill)
        {
            fill = new OrderFill(stored.Id, stored.Symbol, stored.Side, brokerEvent.Quantity, brokerEvent.Price, brokerEvent.Fee, brokerEvent.FillId, brokerEvent.EventTimeNs);
            _fillIndex.Add(brokerEvent.FillId, _fillCount);
            _fills[_fillCount++] = fill;
        }

        BrokerOrderId cancelDue = effects.CancelDue ? stored.BrokerOrderId : BrokerOrderId.None;
        return Result(OrderEventOutcome.Applied, slot, in brokerEvent, from, stored.State, Reason.None, fill, cancelDue);
    }

    /// <summary>
    /// Puts every open order of <paramref name="symbol"/> on the new basis of a split (see
    /// <see cref="SplitOrderAdjustment"/>): the quantity still to fill × ratio, the limit ÷ ratio, and the same for a
    /// pending replace's requested terms. Fills already applied stay as they were reported. Returns how many orders
    /// changed; <see cref="Reason"/> is set (nothing further changed) when a quantity would overflow.
    /// </summary>
    public Reason ApplySplit(SymbolId symbol, SplitRatio ratio, long eventTimeNs, out int adjusted)
    {
        adjusted = 0;
        for (int i = 0; i < _orderCount; i++)
        {
            ref Order order = ref _orders[i];
            if (order.Symbol != symbol || order.State.IsTerminal())
            {
                continue;
            }

            if (!SplitOrderAdjustment.TryQuantity(order.Quantity, order.FilledQuantity, ratio, out long quantity)
                || !SplitOrderAdjustment.TryQuantity(order.RequestedQuantity, order.FilledQuantity, ratio, out long requested))
            {
                return new Reason(ReasonCode.ArithmeticOverflow, symbol, eventTimeNs, order.Quantity, ratio.NewShares);
            }

            order.Quantity = quantity;
            order.RequestedQuantity = order.RequestedQuantity == 0 ? 0 : requested;
            order.LimitPrice = SplitOrderAdjustment.Price(order.LimitPrice, order.Side, ratio);
            order.RequestedLimitPrice = SplitOrderAdjustment.Price(order.RequestedLimitPrice, order.Side, ratio);
            order.UpdatedAtNs = eventTimeNs;
            adjusted++;
        }

        return Reason.None;
    }

    private static Reason CheckIntent(in OrderIntent intent, long eventTimeNs)
    {
        SymbolId symbol = intent.Symbol;
        if (!symbol.IsSet)
        {
            return new Reason(ReasonCode.UnknownSymbol, symbol, eventTimeNs, symbol.Value, 0);
        }

        if (intent.Side is not (Side.Buy or Side.Sell))
        {
            return new Reason(ReasonCode.MalformedEvent, symbol, eventTimeNs, (long)intent.Side, 0);
        }

        if (intent.Quantity <= 0)
        {
            return new Reason(ReasonCode.NonPositiveQuantity, symbol, eventTimeNs, intent.Quantity, 0);
        }

        if (intent.TimeInForce is < TimeInForce.Day or > TimeInForce.AtTheClose)
        {
            return new Reason(ReasonCode.MalformedEvent, symbol, eventTimeNs, (long)intent.TimeInForce, 0);
        }

        return CheckLimit(intent.Type, intent.LimitPrice, symbol, eventTimeNs);
    }

    /// <summary>A limit order needs a positive limit, a market order none (0).</summary>
    private static Reason CheckLimit(OrderType type, Price limitPrice, SymbolId symbol, long eventTimeNs) => type switch
    {
        OrderType.Limit when !limitPrice.IsValid => new Reason(ReasonCode.NonPositivePrice, symbol, eventTimeNs, limitPrice.Micros, 0),
        OrderType.Market when limitPrice.Micros != 0 => new Reason(ReasonCode.MalformedEvent, symbol, eventTimeNs, limitPrice.Micros, 0),
        OrderType.Limit or OrderType.Market => Reason.None,
        _ => new Reason(ReasonCode.MalformedEvent, symbol, eventTimeNs, (long)type, 0),
    };

    private static Reason CheckRequestable(in Order order, long eventTimeNs)
    {
        if (order.State.IsTerminal())
        {
            return new Reason(ReasonCode.OrderNotWorking, order.Symbol, eventTimeNs, (long)order.State, 0);
        }

        if (order.State is OrderState.PendingCancel or OrderState.PendingReplace || order.CancelQueued)
        {
            return new Reason(ReasonCode.OrderRequestPending, order.Symbol, eventTimeNs, (long)order.State, 0);
        }

        return Reason.None;
    }

    private static Reason CheckReplaceTerms(in Order order, long newQuantity, Price newLimitPrice, long eventTimeNs)
    {
        if (!order.BrokerOrderId.IsSet)
        {
            return new Reason(ReasonCode.NoBrokerOrderId, order.Symbol, eventTimeNs, (long)order.State, 0);
        }

        if (newQuantity <= 0)
        {
            return new Reason(ReasonCode.NonPositiveQuantity, order.Symbol, eventTimeNs, newQuantity, 0);
        }

        if (newQuantity <= order.FilledQuantity)
        {
            return new Reason(ReasonCode.ReplaceNotAboveFilled, order.Symbol, eventTimeNs, newQuantity, order.FilledQuantity);
        }

        return CheckLimit(order.Type, newLimitPrice, order.Symbol, eventTimeNs);
    }

    /// <summary>What every event must carry whatever the order's state: a kind, a message id, an order to name, and
    /// for an ack the broker's id, for a fill a fill id with positive quantity and price and a fee of zero or more,
    /// for a replace ack a positive total.</summary>
    private static Reason CheckShape(in BrokerOrderEvent brokerEvent)
    {
        long at = brokerEvent.EventTimeNs;
        BrokerEventKind kind = brokerEvent.Kind;
        if (kind is < BrokerEventKind.Ack or > BrokerEventKind.Expired || brokerEvent.MessageId == 0
            || (!brokerEvent.ClientOrderId.IsSet && !brokerEvent.BrokerOrderId.IsSet)
            || (kind == BrokerEventKind.Ack && !brokerEvent.BrokerOrderId.IsSet)
            || (kind == BrokerEventKind.Fill && (brokerEvent.FillId == 0 || !brokerEvent.Symbol.IsSet || brokerEvent.Side is not (Side.Buy or Side.Sell))))
        {
            return new Reason(ReasonCode.MalformedEvent, SymbolId.None, at, (long)kind, brokerEvent.MessageId);
        }

        if (kind is (BrokerEventKind.Fill or BrokerEventKind.ReplaceAck) && brokerEvent.Quantity <= 0)
        {
            return new Reason(ReasonCode.NonPositiveQuantity, SymbolId.None, at, brokerEvent.Quantity, 0);
        }

        if (kind == BrokerEventKind.Fill && !brokerEvent.Price.IsValid)
        {
            return new Reason(ReasonCode.NonPositivePrice, SymbolId.None, at, brokerEvent.Price.Micros, 0);
        }

        if (kind == BrokerEventKind.Fill && brokerEvent.Fee.Micros < 0)
        {
            // The portfolio refuses negative fees too; the OMS must not count shares the portfolio never books.
            return new Reason(ReasonCode.MalformedEvent, SymbolId.None, at, brokerEvent.Fee.Micros, 0);
        }

        return Reason.None;
    }

    /// <summary>Finds the event's order: by client order id when it has one (which must be this engine's and this
    /// run's), else by broker id. A broker id on the event must not belong to another order.</summary>
    private Reason Resolve(in BrokerOrderEvent brokerEvent, out int slot, out BrokerIdMatch idMatch)
    {
        slot = -1;
        idMatch = BrokerIdMatch.NotGiven;
        ClientOrderId clientOrderId = brokerEvent.ClientOrderId;
        BrokerOrderId brokerOrderId = brokerEvent.BrokerOrderId;
        bool brokerIdMapped = _brokerOrders.TryFind(brokerOrderId, out OrderId mappedOrder);
        if (clientOrderId.IsSet)
        {
            if (clientOrderId.EngineId != EngineId)
            {
                return new Reason(ReasonCode.WrongEngine, SymbolId.None, brokerEvent.EventTimeNs, clientOrderId.EngineId, EngineId);
            }

            if (!TryFind(clientOrderId, out OrderId order))
            {
                return new Reason(ReasonCode.UnknownOrder, SymbolId.None, brokerEvent.EventTimeNs, clientOrderId.EventSequence, brokerOrderId.Handle);
            }

            slot = order.Value - 1;
            if (brokerIdMapped && mappedOrder != order)
            {
                return new Reason(ReasonCode.BrokerOrderIdConflict, _orders[slot].Symbol, brokerEvent.EventTimeNs, brokerOrderId.Handle, _orders[slot].BrokerOrderId.Handle);
            }
        }
        else if (brokerIdMapped)
        {
            slot = mappedOrder.Value - 1;
        }
        else
        {
            return new Reason(ReasonCode.UnknownOrder, SymbolId.None, brokerEvent.EventTimeNs, 0, brokerOrderId.Handle);
        }

        idMatch = !brokerOrderId.IsSet ? BrokerIdMatch.NotGiven : brokerIdMapped ? BrokerIdMatch.MappedHere : BrokerIdMatch.New;
        return Reason.None;
    }

    /// <summary>Checks that every structure the event could add to has room, before anything is written.</summary>
    private Reason CheckCapacity(in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, SymbolId symbol)
    {
        if (_appliedMessages.IsFull)
        {
            return new Reason(ReasonCode.CapacityExceeded, symbol, brokerEvent.EventTimeNs, _appliedMessages.Count + 1L, _appliedMessages.Capacity);
        }

        if (brokerEvent.Kind == BrokerEventKind.Fill && _fillCount == _fills.Length)
        {
            return new Reason(ReasonCode.CapacityExceeded, symbol, brokerEvent.EventTimeNs, _fillCount + 1L, _fills.Length);
        }

        if (idMatch == BrokerIdMatch.New && _brokerOrders.IsFull)
        {
            return new Reason(ReasonCode.CapacityExceeded, symbol, brokerEvent.EventTimeNs, _brokerOrders.Count + 1L, _brokerOrders.Capacity);
        }

        return Reason.None;
    }

    private static OrderRequestResult Refused(OrderId order, Reason reason) =>
        new(OrderRequestOutcome.Refused, order, BrokerOrderId.None, reason);

    private OrderEventResult Halt(int slot, in BrokerOrderEvent brokerEvent, Reason reason, OrderFill recorded)
    {
        OrderState state = _orders[slot].State;
        return Result(OrderEventOutcome.Halt, slot, in brokerEvent, state, state, reason, recorded, BrokerOrderId.None);
    }

    private static OrderEventResult Unresolved(in BrokerOrderEvent brokerEvent, Reason reason) =>
        new(OrderEventOutcome.Halt, OrderId.None, brokerEvent.ClientOrderId, brokerEvent.Kind, brokerEvent.MessageId, brokerEvent.EventTimeNs, OrderState.None, OrderState.None, reason, default, BrokerOrderId.None);

    private OrderEventResult Result(OrderEventOutcome outcome, int slot, in BrokerOrderEvent brokerEvent, OrderState from, OrderState to, Reason reason, OrderFill fill, BrokerOrderId cancelDue) =>
        new(outcome, _orders[slot].Id, _orders[slot].ClientOrderId, brokerEvent.Kind, brokerEvent.MessageId, brokerEvent.EventTimeNs, from, to, reason, fill, cancelDue);
}
