using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Journal.Writing;

/// <summary>An order's side as the journal spells it (<c>outbox.side</c>): <c>BUY</c> or <c>SELL</c>.</summary>
public static class SideText
{
    /// <summary>The text of <paramref name="side"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Side.None"/> or a value the engine does not define:
    /// an order without a side must never be journaled as if it had one.</exception>
    public static string Of(Side side) => side switch
    {
        Side.Buy => "BUY",
        Side.Sell => "SELL",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "An order's side must be Buy or Sell; the journal refuses to guess one."),
    };
}
