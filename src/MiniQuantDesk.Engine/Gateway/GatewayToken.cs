namespace MiniQuantDesk.Engine.Gateway;

/// <summary>
/// The capability to approve commands. Its constructor is private: <see cref="OrderGateway"/> creates the one
/// instance through <see cref="Create"/>, which only it calls (a test checks this over every type of the engine).
/// </summary>
public sealed class GatewayToken
{
    private GatewayToken()
    {
    }

    internal static GatewayToken Create() => new();
}
