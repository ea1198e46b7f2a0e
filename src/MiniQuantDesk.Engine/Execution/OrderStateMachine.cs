using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// The order state machine: which broker event is legal in which state, and what it leads to. It works on a copy
/// of the order that the <see cref="OrderManager"/> keeps only when the answer is <see cref="Reason.None"/>, so an
/// illegal event changes nothing. "live" below is the working state the fills give against the total in force:
/// Accepted (nothing filled), PartiallyFilled, or Filled (all of it).
/// <code>
/// from \ event     Ack          Reject    Fill                      CancelAck    CancelReject  ReplaceAck         ReplaceReject    Expired
/// PendingNew       Accepted(1)  Rejected  live, implicit ack(1)(2)  halt         halt          halt               halt             Expired
/// Accepted         halt         halt      live                      Canceled(4)  halt          halt               halt             Expired
/// PartiallyFilled  first(3)     halt      live                      Canceled(4)  halt          halt               halt             Expired
/// PendingCancel    first(3)     halt      PendingCancel | Filled    Canceled     live          halt               halt             Expired
/// PendingReplace   first(3)     halt      PendingReplace(5)         halt         halt          Replaced: live(6)  live, old terms  halt
/// Filled           first(3)     halt      Overfill                  halt         no-op(7)      halt               halt             halt
/// Canceled         first(3)     halt      late fill(8)              halt         halt          halt               halt             halt
/// Expired          first(3)     halt      late fill(8)              halt         no-op(7)      halt               halt             halt
/// Rejected         halt         halt      halt                      halt         halt          halt               halt             halt
/// </code>
/// <list type="number">
/// <item>Maps the broker id. If the engine asked to cancel before the broker named the order, the order goes
/// straight on to PendingCancel and the cancel becomes due.</item>
/// <item>A fill before the ack is the broker's proof that the order works: it acknowledges the order implicitly
/// (and names the broker id when it carries one).</item>
/// <item>The explicit ack is legal once, in any state but Rejected, when it has not arrived yet: the late ack
/// after a fill that acknowledged the order implicitly. It records the ack and maps the id (which must match the
/// one on record), and sends a cancel queued for want of that id; nothing else changes. A second ack (a new
/// message) is illegal, so an Accepted order, which always has its ack, cannot take another.</item>
/// <item>Unsolicited: the broker (or venue) canceled a working order on its own. It is the authority on whether an
/// order works, and a cancel can only reduce risk.</item>
/// <item>While a replace is pending the broker may already work either total, so fills count against the larger of
/// the old and the requested total; the order stays PendingReplace until the broker says which holds.</item>
/// <item>The ack must carry the requested total and limit. The new terms take effect and the order passes through
/// Replaced to live against the new total (Replaced is never a resting state). Fills beyond the new total halt
/// with Overfill, as do fills beyond the old total on a replace reject.</item>
/// <item>The broker's "too late to cancel" after the order filled or expired while the cancel was on its way:
/// expected, applied with no change. Without a cancel outstanding it is illegal.</item>
/// <item>A fill the broker executed before the cancel (or expiry) took effect is applied: the portfolio must see
/// every execution. The order stays Canceled (Expired) unless the fill completes it, when it is Filled.</item>
/// </list>
/// Whenever an event first names the broker id of a working order that has a cancel queued for want of it, the
/// cancel becomes due and the order goes to PendingCancel; when the order ends first, the queued cancel is dropped.
/// Every fill is also held to the fill limit (Overfill) and to 64-bit notional and fee arithmetic
/// (ArithmeticOverflow). A broker id the map does not know is accepted only where the broker names the order: when
/// the order has no broker id yet, on a replace ack, and on a fill during a pending replace (the replacing broker
/// order); anywhere else it is a <see cref="ReasonCode.BrokerOrderIdConflict"/>.
/// </summary>
internal static class OrderStateMachine
{
    /// <summary>Applies <paramref name="brokerEvent"/> to <paramref name="order"/> (a copy); returns the halt reason,
    /// or <see cref="Reason.None"/> with the order changed and <paramref name="effects"/> set.</summary>
    public static Reason Apply(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        Reason reason = brokerEvent.Kind switch
        {
            BrokerEventKind.Ack => ApplyAck(ref order, in brokerEvent, idMatch, ref effects),
            BrokerEventKind.Reject => ApplyReject(ref order, in brokerEvent, idMatch, ref effects),
            BrokerEventKind.Fill => ApplyFill(ref order, in brokerEvent, idMatch, ref effects),
            BrokerEventKind.CancelAck => ApplyCancelAck(ref order, in brokerEvent, idMatch, ref effects),
            BrokerEventKind.CancelReject => ApplyCancelReject(ref order, in brokerEvent, idMatch, ref effects),
            BrokerEventKind.ReplaceAck => ApplyReplaceAck(ref order, in brokerEvent, idMatch, ref effects),
            BrokerEventKind.ReplaceReject => ApplyReplaceReject(ref order, in brokerEvent, idMatch, ref effects),
            BrokerEventKind.Expired => ApplyExpired(ref order, in brokerEvent, idMatch, ref effects),
            _ => new Reason(ReasonCode.MalformedEvent, order.Symbol, brokerEvent.EventTimeNs, (long)brokerEvent.Kind, 0),
        };
        if (!reason.IsSet)
        {
            order.UpdatedAtNs = brokerEvent.EventTimeNs;
        }

        return reason;
    }

    /// <summary>The working state that <paramref name="filled"/> shares of <paramref name="total"/> give.</summary>
    public static OrderState Live(long filled, long total) =>
        filled == 0 ? OrderState.Accepted : filled < total ? OrderState.PartiallyFilled : OrderState.Filled;

    private static Reason ApplyAck(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        if (order.State == OrderState.Rejected || order.AckReceived)
        {
            return Illegal(in order, in brokerEvent);
        }

        if (order.BrokerOrderId.IsSet && brokerEvent.BrokerOrderId != order.BrokerOrderId)
        {
            return Conflict(in order, in brokerEvent);
        }

        Reason reason = AcceptBrokerId(ref order, in brokerEvent, idMatch, mayRename: false, ref effects);
        if (reason.IsSet)
        {
            return reason;
        }

        order.AckReceived = true;
        if (order.State == OrderState.PendingNew)
        {
            order.State = OrderState.Accepted;
        }

        SettleQueuedCancel(ref order, ref effects);
        return Reason.None;
    }

    private static Reason ApplyReject(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        if (order.State != OrderState.PendingNew)
        {
            return Illegal(in order, in brokerEvent);
        }

        Reason reason = AcceptBrokerId(ref order, in brokerEvent, idMatch, mayRename: false, ref effects);
        if (reason.IsSet)
        {
            return reason;
        }

        order.State = OrderState.Rejected;
        order.CancelQueued = false;
        return Reason.None;
    }

    private static Reason ApplyFill(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        if (order.State is OrderState.Rejected or OrderState.None)
        {
            return Illegal(in order, in brokerEvent);
        }

        long limit = order.FillLimit;
        if (brokerEvent.Quantity > limit - order.FilledQuantity)
        {
            long wouldBe = (long)Int128.Min((Int128)order.FilledQuantity + brokerEvent.Quantity, long.MaxValue);
            return new Reason(ReasonCode.Overfill, order.Symbol, brokerEvent.EventTimeNs, wouldBe, limit);
        }

        if (!Notional.TryOf(brokerEvent.Price, brokerEvent.Quantity, out Money notional)
            || !Money.TryAdd(order.Fees, brokerEvent.Fee, out Money fees))
        {
            return new Reason(ReasonCode.ArithmeticOverflow, order.Symbol, brokerEvent.EventTimeNs, brokerEvent.Quantity, brokerEvent.Price.Micros);
        }

        Reason reason = AcceptBrokerId(ref order, in brokerEvent, idMatch, mayRename: order.State == OrderState.PendingReplace, ref effects);
        if (reason.IsSet)
        {
            return reason;
        }

        order.FilledQuantity += brokerEvent.Quantity;
        order.FilledNotionalMicros += notional.Micros;
        order.Fees = fees;
        order.FillCount++;
        effects.NewFill = true;
        bool complete = order.FilledQuantity == order.Quantity;
        order.State = order.State switch
        {
            OrderState.PendingNew or OrderState.Accepted or OrderState.PartiallyFilled => Live(order.FilledQuantity, order.Quantity),
            OrderState.PendingCancel or OrderState.Canceled or OrderState.Expired when complete => OrderState.Filled,
            _ => order.State,
        };
        SettleQueuedCancel(ref order, ref effects);
        return Reason.None;
    }

    private static Reason ApplyCancelAck(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        if (order.State is not (OrderState.Accepted or OrderState.PartiallyFilled or OrderState.PendingCancel))
        {
            return Illegal(in order, in brokerEvent);
        }

        Reason reason = AcceptBrokerId(ref order, in brokerEvent, idMatch, mayRename: false, ref effects);
        if (reason.IsSet)
        {
            return reason;
        }

        order.State = OrderState.Canceled;
        order.CancelQueued = false;
        order.CancelOutstanding = false;
        return Reason.None;
    }

    private static Reason ApplyCancelReject(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        bool tooLate = order.State is (OrderState.Filled or OrderState.Expired) && order.CancelOutstanding;
        if (order.State != OrderState.PendingCancel && !tooLate)
        {
            return Illegal(in order, in brokerEvent);
        }

        Reason reason = AcceptBrokerId(ref order, in brokerEvent, idMatch, mayRename: false, ref effects);
        if (reason.IsSet)
        {
            return reason;
        }

        if (order.State == OrderState.PendingCancel)
        {
            order.State = Live(order.FilledQuantity, order.Quantity);
        }

        order.CancelOutstanding = false;
        return Reason.None;
    }

    private static Reason ApplyReplaceAck(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        if (order.State != OrderState.PendingReplace)
        {
            return Illegal(in order, in brokerEvent);
        }

        if (brokerEvent.Quantity != order.RequestedQuantity)
        {
            return new Reason(ReasonCode.MalformedEvent, order.Symbol, brokerEvent.EventTimeNs, brokerEvent.Quantity, order.RequestedQuantity);
        }

        if (brokerEvent.Price != order.RequestedLimitPrice)
        {
            return new Reason(ReasonCode.MalformedEvent, order.Symbol, brokerEvent.EventTimeNs, brokerEvent.Price.Micros, order.RequestedLimitPrice.Micros);
        }

        if (order.FilledQuantity > order.RequestedQuantity)
        {
            return new Reason(ReasonCode.Overfill, order.Symbol, brokerEvent.EventTimeNs, order.FilledQuantity, order.RequestedQuantity);
        }

        Reason reason = AcceptBrokerId(ref order, in brokerEvent, idMatch, mayRename: true, ref effects);
        if (reason.IsSet)
        {
            return reason;
        }

        if (brokerEvent.BrokerOrderId.IsSet)
        {
            // The broker may name the replaced order anew; cancels and replaces target it from now on.
            order.BrokerOrderId = brokerEvent.BrokerOrderId;
        }

        order.Quantity = order.RequestedQuantity;
        order.LimitPrice = order.RequestedLimitPrice;
        order.RequestedQuantity = 0;
        order.RequestedLimitPrice = default;
        order.State = Live(order.FilledQuantity, order.Quantity);
        return Reason.None;
    }

    private static Reason ApplyReplaceReject(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        if (order.State != OrderState.PendingReplace)
        {
            return Illegal(in order, in brokerEvent);
        }

        if (order.FilledQuantity > order.Quantity)
        {
            return new Reason(ReasonCode.Overfill, order.Symbol, brokerEvent.EventTimeNs, order.FilledQuantity, order.Quantity);
        }

        Reason reason = AcceptBrokerId(ref order, in brokerEvent, idMatch, mayRename: false, ref effects);
        if (reason.IsSet)
        {
            return reason;
        }

        order.RequestedQuantity = 0;
        order.RequestedLimitPrice = default;
        order.State = Live(order.FilledQuantity, order.Quantity);
        return Reason.None;
    }

    private static Reason ApplyExpired(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, ref TransitionEffects effects)
    {
        if (order.State is not (OrderState.PendingNew or OrderState.Accepted or OrderState.PartiallyFilled or OrderState.PendingCancel))
        {
            return Illegal(in order, in brokerEvent);
        }

        Reason reason = AcceptBrokerId(ref order, in brokerEvent, idMatch, mayRename: false, ref effects);
        if (reason.IsSet)
        {
            return reason;
        }

        order.State = OrderState.Expired;
        order.CancelQueued = false;
        return Reason.None;
    }

    /// <summary>Takes an event's broker id that the map does not know yet: as the order's id when it has none, as a
    /// further name of it where <paramref name="mayRename"/>; anywhere else it is a conflict.</summary>
    private static Reason AcceptBrokerId(ref Order order, in BrokerOrderEvent brokerEvent, BrokerIdMatch idMatch, bool mayRename, ref TransitionEffects effects)
    {
        if (idMatch != BrokerIdMatch.New)
        {
            return Reason.None;
        }

        if (!order.BrokerOrderId.IsSet)
        {
            order.BrokerOrderId = brokerEvent.BrokerOrderId;
        }
        else if (!mayRename)
        {
            return Conflict(in order, in brokerEvent);
        }

        effects.MapBrokerId = true;
        return Reason.None;
    }

    /// <summary>Sends a cancel queued before the broker named the order as soon as it can be sent, or drops it once
    /// the order has ended (there is nothing left to cancel).</summary>
    private static void SettleQueuedCancel(ref Order order, ref TransitionEffects effects)
    {
        if (!order.CancelQueued)
        {
            return;
        }

        if (order.State.IsTerminal())
        {
            order.CancelQueued = false;
        }
        else if (order.BrokerOrderId.IsSet && order.State is OrderState.Accepted or OrderState.PartiallyFilled)
        {
            order.CancelQueued = false;
            order.CancelOutstanding = true;
            order.State = OrderState.PendingCancel;
            effects.CancelDue = true;
        }
    }

    private static Reason Illegal(in Order order, in BrokerOrderEvent brokerEvent) =>
        new(ReasonCode.IllegalOrderTransition, order.Symbol, brokerEvent.EventTimeNs, (long)brokerEvent.Kind, (long)order.State);

    private static Reason Conflict(in Order order, in BrokerOrderEvent brokerEvent) =>
        new(ReasonCode.BrokerOrderIdConflict, order.Symbol, brokerEvent.EventTimeNs, brokerEvent.BrokerOrderId.Handle, order.BrokerOrderId.Handle);
}
