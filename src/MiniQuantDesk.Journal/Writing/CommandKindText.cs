using MiniQuantDesk.Engine.Gateway;

namespace MiniQuantDesk.Journal.Writing;

/// <summary>A gateway command's kind as the journal spells it: <c>SUBMIT</c> and <c>FLATTEN</c> in an outbox row's
/// payload, <c>CANCEL</c> and <c>REPLACE</c> in <c>outbox_commands.kind</c>.</summary>
public static class CommandKindText
{
    /// <summary>The text of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="CommandKind.None"/> or a value the engine does not
    /// define.</exception>
    public static string Of(CommandKind kind) => kind switch
    {
        CommandKind.Submit => "SUBMIT",
        CommandKind.Cancel => "CANCEL",
        CommandKind.Replace => "REPLACE",
        CommandKind.Flatten => "FLATTEN",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A command without a known kind cannot be journaled; the journal refuses to guess one."),
    };

    /// <summary>True for the kinds that create a new order (an <c>outbox</c> row): submit and flatten.</summary>
    public static bool IsNewOrder(CommandKind kind) => kind is CommandKind.Submit or CommandKind.Flatten;
}
