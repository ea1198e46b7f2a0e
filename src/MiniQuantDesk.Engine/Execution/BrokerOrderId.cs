namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// The broker's id of an order, interned at the adapter edge to a number (the broker's text never enters the
/// core). The adapter hands out one handle per distinct broker text, never 0, and the same text always gets the
/// same handle within a run; the <see cref="BrokerOrderMap"/> maps handles to the engine's orders.
/// </summary>
/// <param name="Handle">The interned handle; 0 is <see cref="None"/>.</param>
public readonly record struct BrokerOrderId(long Handle)
{
    /// <summary>No broker id: the broker has not named the order yet, or the event did not say.</summary>
    public static readonly BrokerOrderId None;

    /// <summary>True for a real handle.</summary>
    public bool IsSet => Handle != 0;
}
