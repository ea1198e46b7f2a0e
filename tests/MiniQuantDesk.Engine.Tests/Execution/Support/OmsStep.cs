using MiniQuantDesk.Engine.Execution;

namespace MiniQuantDesk.Engine.Tests.Execution.Support;

/// <summary>One step of a random OMS run: a broker event, or the engine's cancel or replace request.</summary>
/// <param name="Event">The broker event (when <paramref name="Request"/> is none).</param>
/// <param name="MatchRequestedTerms">For a replace ack on an order with a replace pending: carry the requested
/// total and limit (as a well-behaved broker does) instead of the generated ones.</param>
/// <param name="Request">A request instead of an event: cancel or replace.</param>
/// <param name="RequestOrder">The order a request names (orders are 1 to 5; others are unknown).</param>
/// <param name="ReplaceQuantity">A replace's new total.</param>
/// <param name="ReplaceLimitMicros">A replace's new limit.</param>
internal sealed record OmsStep(
    BrokerOrderEvent Event,
    bool MatchRequestedTerms,
    OmsStepRequest Request,
    int RequestOrder,
    long ReplaceQuantity,
    long ReplaceLimitMicros)
{
    public override string ToString() => Request switch
    {
        OmsStepRequest.Cancel => $"cancel #{RequestOrder}",
        OmsStepRequest.Replace => $"replace #{RequestOrder} -> {ReplaceQuantity} @ {ReplaceLimitMicros}",
        _ => $"{Event.Kind} {Event.ClientOrderId} broker {Event.BrokerOrderId.Handle} msg {Event.MessageId} fill {Event.FillId} " +
             $"qty {Event.Quantity} px {Event.Price.Micros} fee {Event.Fee.Micros}{(MatchRequestedTerms ? " (requested terms)" : string.Empty)}",
    };
}
