namespace MiniQuantDesk.Engine.Gateway;

/// <summary>
/// A command the gateway approved: the only thing an <see cref="IBroker"/> accepts. It can only be made by
/// <see cref="OrderGateway"/>, which holds the one <see cref="GatewayToken"/>: no other code, in the engine or
/// outside it, can construct an approved command, so no path reaches a broker except through the gateway's checks.
/// <c>default(ApprovedCommand)</c> carries no token and every broker must refuse it (<see cref="IsApproved"/>).
/// </summary>
public readonly struct ApprovedCommand
{
    private readonly GatewayToken? _token;

    internal ApprovedCommand(GatewayToken token, OrderCommand command)
    {
        _token = token ?? throw new ArgumentNullException(nameof(token));
        Command = command;
    }

    /// <summary>The approved command.</summary>
    public OrderCommand Command { get; }

    /// <summary>True only for a command made by the gateway; false for <c>default</c>.</summary>
    public bool IsApproved => _token is not null;
}
