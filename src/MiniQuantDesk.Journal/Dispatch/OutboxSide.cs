namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>The side of an outbox order (<c>outbox.side</c>: BUY or SELL).</summary>
public enum OutboxSide
{
    /// <summary>Buy.</summary>
    Buy,

    /// <summary>Sell.</summary>
    Sell,
}
