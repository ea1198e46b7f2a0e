namespace MiniQuantDesk.Engine.Execution;

/// <summary>
/// An order's handle inside one <see cref="OrderManager"/>: its slot, counted from 1 in creation order. It is what
/// the engine passes around (a gateway command's order key, a fill's owner); the <see cref="ClientOrderId"/> is what
/// the broker sees. Slots are never reused within a run, so a late event for a long-finished order still finds it.
/// </summary>
/// <param name="Value">The slot number, from 1; 0 is <see cref="None"/>.</param>
public readonly record struct OrderId(int Value)
{
    /// <summary>No order.</summary>
    public static readonly OrderId None;

    /// <summary>True for a real handle.</summary>
    public bool IsSet => Value > 0;
}
