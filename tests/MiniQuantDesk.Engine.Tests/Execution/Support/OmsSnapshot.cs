using MiniQuantDesk.Engine.Execution;

namespace MiniQuantDesk.Engine.Tests.Execution.Support;

/// <summary>A copy of everything an <see cref="OrderManager"/> holds, compared by value.</summary>
internal sealed record OmsSnapshot(Order[] Orders, OrderFill[] Fills, int BrokerIds, int AppliedMessages)
{
    public static OmsSnapshot Of(OrderManager oms) =>
        new(oms.Orders.ToArray(), oms.Fills.ToArray(), oms.BrokerOrders.Count, oms.AppliedMessageCount);

    public bool Equals(OmsSnapshot? other) =>
        other is not null
        && Orders.AsSpan().SequenceEqual(other.Orders)
        && Fills.AsSpan().SequenceEqual(other.Fills)
        && BrokerIds == other.BrokerIds
        && AppliedMessages == other.AppliedMessages;

    public override int GetHashCode() => HashCode.Combine(Orders.Length, Fills.Length, BrokerIds, AppliedMessages);
}
