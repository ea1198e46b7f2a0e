using MiniQuantDesk.Engine.Execution;

namespace MiniQuantDesk.Journal.Writing;

/// <summary>An order's time in force as the journal spells it in an outbox payload (<c>time_in_force</c>), and back.</summary>
public static class TimeInForceText
{
    /// <summary><c>DAY</c>, <c>GTC</c>, <c>IOC</c>, <c>FOK</c>, <c>OPG</c> or <c>CLS</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not set, or no time in force the journal knows: it refuses to guess one.</exception>
    public static string Of(TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Day => "DAY",
        TimeInForce.GoodTillCanceled => "GTC",
        TimeInForce.ImmediateOrCancel => "IOC",
        TimeInForce.FillOrKill => "FOK",
        TimeInForce.AtTheOpen => "OPG",
        TimeInForce.AtTheClose => "CLS",
        _ => throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "An order without a time in force cannot be journaled; the journal refuses to guess one."),
    };

    /// <summary>The time in force <paramref name="text"/> spells; false for any other text.</summary>
    public static bool TryParse(string text, out TimeInForce timeInForce)
    {
        timeInForce = text switch
        {
            "DAY" => TimeInForce.Day,
            "GTC" => TimeInForce.GoodTillCanceled,
            "IOC" => TimeInForce.ImmediateOrCancel,
            "FOK" => TimeInForce.FillOrKill,
            "OPG" => TimeInForce.AtTheOpen,
            "CLS" => TimeInForce.AtTheClose,
            _ => TimeInForce.None,
        };
        return timeInForce != TimeInForce.None;
    }
}
