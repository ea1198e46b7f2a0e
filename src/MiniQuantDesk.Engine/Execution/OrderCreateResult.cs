namespace MiniQuantDesk.Engine.Execution;

/// <summary>The OMS's answer to a new order: its handle and client order id, or the reason it could not be created
/// (a malformed intent, ids out of order, or the store full) — each an engine fault, so a halt.</summary>
/// <param name="Order">The new order's handle, or <see cref="OrderId.None"/>.</param>
/// <param name="ClientOrderId">The id to send it with, or <see cref="ClientOrderId.None"/>.</param>
/// <param name="Reason">Why it was not created; <see cref="Reason.None"/> when it was.</param>
public readonly record struct OrderCreateResult(OrderId Order, ClientOrderId ClientOrderId, Reason Reason)
{
    /// <summary>True when the order was created (in <see cref="OrderState.PendingNew"/>).</summary>
    public bool IsCreated => Order.IsSet;
}
