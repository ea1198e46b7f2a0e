using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// One order as the OMS knows it. It lives in the <see cref="OrderManager"/>'s pre-allocated store and is read
/// through a <c>ref readonly</c> (no copy, no allocation); only the OMS changes it.
/// </summary>
public record struct Order
{
    /// <summary>The OMS handle.</summary>
    public OrderId Id { get; internal set; }

    /// <summary>The id the broker knows the order by.</summary>
    public ClientOrderId ClientOrderId { get; internal set; }

    /// <summary>The symbol.</summary>
    public SymbolId Symbol { get; internal set; }

    /// <summary>Buy or sell.</summary>
    public Side Side { get; internal set; }

    /// <summary>Market or limit.</summary>
    public OrderType Type { get; internal set; }

    /// <summary>How long it works.</summary>
    public TimeInForce TimeInForce { get; internal set; }

    /// <summary>The total quantity in force (a replace ack changes it to the new total).</summary>
    public long Quantity { get; internal set; }

    /// <summary>The limit in force (0 for a market order).</summary>
    public Price LimitPrice { get; internal set; }

    /// <summary>While <see cref="OrderState.PendingReplace"/>: the total quantity asked for; otherwise 0.</summary>
    public long RequestedQuantity { get; internal set; }

    /// <summary>While <see cref="OrderState.PendingReplace"/>: the limit asked for; otherwise 0.</summary>
    public Price RequestedLimitPrice { get; internal set; }

    /// <summary>Where the order stands.</summary>
    public OrderState State { get; internal set; }

    /// <summary>Shares filled so far.</summary>
    public long FilledQuantity { get; internal set; }

    /// <summary>The sum of fill quantity times fill price, in micros (128 bits: it cannot overflow).</summary>
    public Int128 FilledNotionalMicros { get; internal set; }

    /// <summary>Fees charged on the fills so far.</summary>
    public Money Fees { get; internal set; }

    /// <summary>How many fills were applied.</summary>
    public int FillCount { get; internal set; }

    /// <summary>The broker order that cancels and replaces target: the id from the ack, or from a fill that came
    /// before the ack, or the new id a replace ack gave. <see cref="BrokerOrderId.None"/> until the broker named it.</summary>
    public BrokerOrderId BrokerOrderId { get; internal set; }

    /// <summary>True once the broker's explicit ack arrived (a fill before the ack acknowledges the order
    /// implicitly, and the ack that follows it is then accepted once, with no further effect).</summary>
    public bool AckReceived { get; internal set; }

    /// <summary>True when a cancel was asked for before the broker named the order: it is sent as soon as a broker
    /// id is known (see <see cref="OrderEventResult.CancelDueTarget"/>).</summary>
    public bool CancelQueued { get; internal set; }

    /// <summary>True from sending a cancel until the broker answers it. It outlives <see cref="OrderState.PendingCancel"/>
    /// when the order fills or expires meanwhile, so that the broker's "too late to cancel" is then expected.</summary>
    public bool CancelOutstanding { get; internal set; }

    /// <summary>The event time the order was created at.</summary>
    public long CreatedAtNs { get; internal set; }

    /// <summary>The event time of the last change.</summary>
    public long UpdatedAtNs { get; internal set; }

    /// <summary>
    /// The most shares that may still execute: 0 once the order ended; while a replace is pending, up to the larger
    /// of the old and the requested total (the broker may already work either), so risk never undercounts.
    /// </summary>
    public readonly long LeavesQuantity => State switch
    {
        OrderState.PendingNew or OrderState.Accepted or OrderState.PartiallyFilled or OrderState.PendingCancel => Quantity - FilledQuantity,
        OrderState.PendingReplace => Math.Max(Quantity, RequestedQuantity) - FilledQuantity,
        _ => 0,
    };

    /// <summary>The volume-weighted average fill price, rounded half away from zero to a micro; 0 before any fill.</summary>
    public readonly Price AverageFillPrice =>
        FilledQuantity == 0 ? default : new Price((long)((FilledNotionalMicros + (FilledQuantity / 2)) / FilledQuantity));

    /// <summary>The most the cumulative fills may reach: the total in force, or while a replace is pending the
    /// larger of the old and the requested total.</summary>
    internal readonly long FillLimit => State == OrderState.PendingReplace ? Math.Max(Quantity, RequestedQuantity) : Quantity;
}
