using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// A cancel or replace an earlier run sent for one of its orders, read back from the journal at start. Replayed at
/// its place among the broker's messages, it puts the order back into the pending state the broker's answer expects
/// (a cancel reject is legal only while a cancel is pending, a replace ack only while a replace is), and is never sent
/// again. Plain fields, so it can be written in place inside a ring slot.
/// </summary>
public struct RestoredRequest
{
    /// <summary><see cref="CommandKind.Cancel"/> or <see cref="CommandKind.Replace"/>.</summary>
    public CommandKind Kind;

    /// <summary>The order the request was for.</summary>
    public ClientOrderId ClientOrderId;

    /// <summary>A replace's new total quantity (0 for a cancel).</summary>
    public long Quantity;

    /// <summary>A replace's new limit (0 for a market order, and for a cancel).</summary>
    public Price LimitPrice;

    /// <summary>True for a cancel the earlier run asked for before the broker named the order: it is put back queued
    /// (<see cref="OrderRequestOutcome.Queued"/>), to become due when the order's ack arrives, as live.</summary>
    public bool Queued;
}
