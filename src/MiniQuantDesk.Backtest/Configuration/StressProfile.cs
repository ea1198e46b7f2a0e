namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>A named stress applied on top of a resolved run (see <see cref="SettingsResolver"/>).</summary>
/// <param name="Name">The profile's name, which is its file's name without <c>.yaml</c>.</param>
/// <param name="Description">What the profile stresses, for people.</param>
/// <param name="Overlay">The cost and latency values it sets.</param>
public sealed record StressProfile(string Name, string Description, SettingsOverlay Overlay);
