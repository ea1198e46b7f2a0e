using MiniQuantDesk.Engine.Gateway;

namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>One command the engine put to its gateway while handling an event, and the gateway's answer.</summary>
/// <param name="Command">The command (for a refusal, the command that was refused).</param>
/// <param name="Decision">Approved (then <see cref="GatewayDecision.Approved"/> is what the broker may be sent) or
/// refused with its reason.</param>
public readonly record struct CommandDecision(OrderCommand Command, GatewayDecision Decision);
