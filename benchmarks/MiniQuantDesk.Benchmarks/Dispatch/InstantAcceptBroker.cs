using System.Collections.Concurrent;
using System.Globalization;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Benchmarks.Dispatch;

/// <summary>
/// An in-process broker that accepts every order at once, keyed by client order id (a second submit of the same id
/// answers with the first order, opening none), so the benchmark measures the dispatcher, not a broker.
/// </summary>
public sealed class InstantAcceptBroker : IOrderSubmitter
{
    private readonly ConcurrentDictionary<string, string> _orders = new(StringComparer.Ordinal);
    private long _submits;

    /// <summary>Submits received, duplicates included.</summary>
    public long Submits => Interlocked.Read(ref _submits);

    /// <summary>Distinct orders opened.</summary>
    public int Orders => _orders.Count;

    /// <summary>Forgets every order (between iterations).</summary>
    public void Clear()
    {
        _orders.Clear();
        Interlocked.Exchange(ref _submits, 0);
    }

    /// <inheritdoc/>
    public ValueTask<SubmitOutcome> SubmitAsync(OutboxOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        long submit = Interlocked.Increment(ref _submits);
        string brokerOrderId = _orders.GetOrAdd(order.ClientOrderId, _ => string.Create(CultureInfo.InvariantCulture, $"B{submit}"));
        return ValueTask.FromResult(SubmitOutcome.Accepted(brokerOrderId));
    }
}
