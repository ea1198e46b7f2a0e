using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Venue;

/// <summary>An accepted order's state inside the venue: a mutable struct in a pre-allocated slot, changed in place
/// through refs.</summary>
internal struct WorkingOrder
{
    /// <summary>The order as submitted.</summary>
    public VenueOrder Order;

    /// <summary>The venue's id for it; also its submission rank (ids rise with each accept).</summary>
    public long BrokerOrderId;

    /// <summary>The total quantity, after any replace.</summary>
    public long Quantity;

    /// <summary>The limit, after any replace.</summary>
    public Price LimitPrice;

    /// <summary>Shares filled so far.</summary>
    public long Filled;

    /// <summary>Bars of its symbol at or after its decision that it has waited through (latency).</summary>
    public int BarsWaited;

    /// <summary>A stop has traded: a stop now behaves as a market order, a stop-limit as a limit order.</summary>
    public bool Triggered;

    /// <summary>For day orders: the session it is valid in (see <see cref="TradingSessions"/>).</summary>
    public int Session;

    /// <summary>False once filled, canceled or expired (its slot is freed when the working list is compacted).</summary>
    public bool IsWorking;

    /// <summary>Scratch for the bar being matched: it could fill at <see cref="CandidatePriceMicros"/>.</summary>
    public bool HasCandidate;

    /// <summary>Scratch for the bar being matched: the price it would fill at, slippage included.</summary>
    public long CandidatePriceMicros;

    /// <summary>Shares still to fill.</summary>
    public readonly long Leaves => Quantity - Filled;
}
