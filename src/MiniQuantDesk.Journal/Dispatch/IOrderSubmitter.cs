namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>
/// The broker adapter as the dispatcher uses it: one call per outbox row and attempt.
/// </summary>
/// <remarks>
/// Contract: <see cref="OutboxOrder.ClientOrderId"/> is the idempotency key. A broker that receives the same client
/// order id twice must not create a second order (it answers with the first one, or rejects the duplicate).
/// An implementation returns <see cref="SubmitOutcome.Unknown"/> for a timeout or a connection lost after the
/// request may have left, and must not throw for those; an exception from <see cref="SubmitAsync"/> is treated
/// exactly like <see cref="SubmitOutcomeKind.Unknown"/> (the row becomes AMBIGUOUS), because the dispatcher cannot
/// know how far the request got. Its timeout must be shorter than the dispatcher's claim lease.
/// </remarks>
public interface IOrderSubmitter
{
    /// <summary>Sends <paramref name="order"/> to the broker and says what came of it.</summary>
    ValueTask<SubmitOutcome> SubmitAsync(OutboxOrder order, CancellationToken cancellationToken);
}
