namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// Which engine order each broker order id belongs to. An id is mapped when the broker first names an order — its
/// ack, a fill that arrived before the ack, or a replace ack that gave the order a new id — and stays mapped for
/// the whole run (a late fill that names an old id still finds its order). One broker id belongs to one order; a
/// message that maps it to another halts the engine. Cancels and replaces always target the order's current
/// broker id (<see cref="Order.BrokerOrderId"/>), never a guess.
/// <para>Bounded: at most <see cref="Capacity"/> ids per run (one per order, plus one per replace that renames
/// its order); mapping one more is refused as <see cref="ReasonCode.CapacityExceeded"/>, never grown.</para>
/// </summary>
public sealed class BrokerOrderMap
{
    private readonly FixedLongMap _orders;

    internal BrokerOrderMap(int capacity) => _orders = new FixedLongMap(capacity);

    /// <summary>The most broker ids a run can map.</summary>
    public int Capacity => _orders.Capacity;

    /// <summary>The broker ids mapped so far.</summary>
    public int Count => _orders.Count;

    internal bool IsFull => _orders.IsFull;

    /// <summary>Finds the order a broker id belongs to.</summary>
    public bool TryFind(BrokerOrderId brokerOrderId, out OrderId order)
    {
        bool found = _orders.TryGetValue(brokerOrderId.Handle, out int value);
        order = new OrderId(value);
        return found;
    }

    internal void Add(BrokerOrderId brokerOrderId, OrderId order) => _orders.Add(brokerOrderId.Handle, order.Value);
}
