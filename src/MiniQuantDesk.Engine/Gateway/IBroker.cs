namespace MiniQuantDesk.Engine.Gateway;

/// <summary>
/// The only way out to a broker. It takes nothing but <see cref="ApprovedCommand"/>s, which only the gateway can
/// make; an implementation must refuse a command whose <see cref="ApprovedCommand.IsApproved"/> is false.
/// Implementations live at the edge (the paper broker, the dispatcher): the engine itself never calls one.
/// </summary>
public interface IBroker
{
    /// <summary>Sends an approved command.</summary>
    /// <exception cref="ArgumentException">The command was not approved by the gateway.</exception>
    void Send(in ApprovedCommand command);
}
