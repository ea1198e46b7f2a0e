using System.Collections.Concurrent;
using System.Globalization;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Journal.Tests.Dispatch;

/// <summary>
/// A broker in the test process. It keys orders by client order id, so a second submit of the same id opens no
/// second order (it answers with the first one), and it counts every submit per id, so a test sees duplicates.
/// A script may change the answer for chosen ids (reject, unknown, submitted without ack, throw).
/// </summary>
public sealed class InProcessBroker : IOrderSubmitter
{
    private readonly ConcurrentDictionary<string, int> _submits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<OutboxOrder, SubmitOutcome>> _script = new(StringComparer.Ordinal);
    private long _nextOrder;

    /// <summary>Called for every submit before it is answered (tests use it to act mid-batch).</summary>
    public Action<OutboxOrder>? OnSubmit { get; set; }

    public int OrdersOpened => _orders.Count;

    public int SubmitsOf(string clientOrderId) => _submits.TryGetValue(clientOrderId, out int count) ? count : 0;

    public IReadOnlyDictionary<string, int> Submits => _submits;

    public int TotalSubmits => _submits.Values.Sum();

    public void Answer(string clientOrderId, Func<OutboxOrder, SubmitOutcome> answer) => _script[clientOrderId] = answer;

    public ValueTask<SubmitOutcome> SubmitAsync(OutboxOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        _submits.AddOrUpdate(order.ClientOrderId, 1, (_, count) => count + 1);
        OnSubmit?.Invoke(order);
        if (_script.TryGetValue(order.ClientOrderId, out Func<OutboxOrder, SubmitOutcome>? answer))
        {
            return ValueTask.FromResult(answer(order));
        }

        string brokerOrderId = _orders.GetOrAdd(
            order.ClientOrderId,
            _ => string.Create(CultureInfo.InvariantCulture, $"B{Interlocked.Increment(ref _nextOrder)}"));
        return ValueTask.FromResult(SubmitOutcome.Accepted(brokerOrderId));
    }
}
