namespace MiniQuantDesk.Engine.Execution;

/// <summary>The OMS's answer to a cancel or replace request.</summary>
/// <param name="Outcome">Send, queued or refused.</param>
/// <param name="Order">The order.</param>
/// <param name="Target">For <see cref="OrderRequestOutcome.Send"/>: the broker order the request must target.</param>
/// <param name="Reason">Why it was refused; <see cref="Reason.None"/> otherwise.</param>
public readonly record struct OrderRequestResult(OrderRequestOutcome Outcome, OrderId Order, BrokerOrderId Target, Reason Reason);
