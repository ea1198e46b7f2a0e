namespace MiniQuantDesk.Engine.Strategy;

/// <summary>A whole-number parameter a catalogue strategy takes, with its default and range.</summary>
/// <param name="Name">The parameter's name on the command line (<c>--param fast=10</c>).</param>
/// <param name="Description">What it means.</param>
/// <param name="DefaultValue">Used when the parameter is not given.</param>
/// <param name="Minimum">The smallest accepted value.</param>
/// <param name="Maximum">The largest accepted value.</param>
public sealed record StrategyParameter(string Name, string Description, long DefaultValue, long Minimum, long Maximum);
