using System.Globalization;
using MiniQuantDesk.Engine.Time;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// What applying one broker event did, with the evidence a person needs when it halts: the order, the state it
/// was in, the event kind and message. Numbers only; <see cref="Describe"/> makes the sentence at the edge.
/// </summary>
/// <param name="Outcome">Applied, duplicate ignored, or halt.</param>
/// <param name="Order">The order the event was for, or <see cref="OrderId.None"/> when it names no known order.</param>
/// <param name="ClientOrderId">The order's client order id (the event's own when the order is unknown).</param>
/// <param name="Kind">The event's kind.</param>
/// <param name="MessageId">The event's message id.</param>
/// <param name="EventTimeNs">The event's time, UTC nanoseconds.</param>
/// <param name="From">The order's state before the event.</param>
/// <param name="To">The order's state after it (the same as <paramref name="From"/> unless applied).</param>
/// <param name="Reason">Why it halted; <see cref="Reason.None"/> otherwise. Evidence by code:
/// <c>IllegalOrderTransition</c> observed = event kind, limit = from-state; <c>Overfill</c> observed = the filled
/// quantity the event would give, limit = the quantity allowed; <c>UnknownOrder</c> observed = the event's client
/// sequence, limit = its broker id handle; <c>ConflictingFill</c> observed = the fill id, limit = the
/// ledger position of the fill applied under it (as the portfolio reports it); <c>BrokerOrderIdConflict</c> observed = the event's broker id handle, limit = the one
/// on record; <c>WrongEngine</c> observed = the event's engine, limit = this engine; <c>MalformedEvent</c>
/// observed = the event kind, limit = the message id (or, for a replace ack with other terms than requested,
/// observed = the ack's quantity or limit, limit = the requested one); <c>CapacityExceeded</c> observed = the count
/// needed, limit = the capacity.</param>
/// <param name="Fill">For an applied fill, the new fill to hand to the portfolio; for a duplicate or conflicting
/// fill, the fill on record; otherwise <c>default</c>.</param>
/// <param name="CancelDueTarget">Set when a cancel queued before the broker named the order can now be sent: the
/// broker order it must target. The order is then <see cref="OrderState.PendingCancel"/>.</param>
public readonly record struct OrderEventResult(
    OrderEventOutcome Outcome,
    OrderId Order,
    ClientOrderId ClientOrderId,
    BrokerEventKind Kind,
    long MessageId,
    long EventTimeNs,
    OrderState From,
    OrderState To,
    Reason Reason,
    OrderFill Fill,
    BrokerOrderId CancelDueTarget)
{
    /// <summary>True when the engine must halt.</summary>
    public bool IsHalt => Outcome == OrderEventOutcome.Halt;

    /// <summary>True when <see cref="Fill"/> is a fill the portfolio has not seen.</summary>
    public bool HasNewFill => Outcome == OrderEventOutcome.Applied && Fill.Order.IsSet;

    /// <summary>True when a queued cancel must now be sent to <see cref="CancelDueTarget"/>.</summary>
    public bool IsCancelDue => CancelDueTarget.IsSet;

    /// <summary>A readable line, e.g. <c>ILLEGAL_ORDER_TRANSITION: order E3-R7-S000000012-I0 in Canceled cannot take
    /// Ack (message 991) at 2024-03-05T15:41:00Z; observed 1, limit 6</c>. Allocates: for logs, not the hot path.</summary>
    public string Describe()
    {
        string what = Outcome switch
        {
            OrderEventOutcome.Applied => string.Create(CultureInfo.InvariantCulture, $"APPLIED: order {ClientOrderId} {From} -> {To} on {Kind}"),
            OrderEventOutcome.DuplicateIgnored => string.Create(CultureInfo.InvariantCulture, $"DUPLICATE_IGNORED: order {ClientOrderId} in {From}, {Kind} seen before"),
            OrderEventOutcome.Halt when Reason.Code == ReasonCode.IllegalOrderTransition =>
                string.Create(CultureInfo.InvariantCulture, $"{Reason.ScreamingCase(Reason.Code)}: order {ClientOrderId} in {From} cannot take {Kind}"),
            OrderEventOutcome.Halt => string.Create(CultureInfo.InvariantCulture, $"{Reason.ScreamingCase(Reason.Code)}: order {ClientOrderId} in {From}, {Kind}"),
            _ => "NO_RESULT",
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{what} (message {MessageId}) at {EventTime.Format(EventTimeNs)}; observed {Reason.Observed}, limit {Reason.Limit}");
    }
}
