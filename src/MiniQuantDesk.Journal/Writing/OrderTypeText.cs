using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Journal.Writing;

/// <summary>An order's type as the journal spells it in a payload: a limit of 0 is a market order (the engine's
/// convention), a positive limit a limit order.</summary>
public static class OrderTypeText
{
    /// <summary><c>MARKET</c> for a zero limit, <c>LIMIT</c> for a positive one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative limit, which no order can have.</exception>
    public static string Of(Price limit) => limit.Micros switch
    {
        0 => "MARKET",
        > 0 => "LIMIT",
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit.Micros, "A limit price below zero is no order type; the journal refuses to guess one."),
    };
}
