using System.Globalization;
using MiniQuantDesk.Engine.Strategy.Builtin;

namespace MiniQuantDesk.Engine.Strategy;

/// <summary>
/// The strategies shipped with MiniQuantDesk, by name. Building one resolves its parameters: an unknown strategy or
/// parameter, a value that is not a whole number or is out of range, is an error that names the valid choices.
/// </summary>
public static class StrategyCatalog
{
    /// <summary>Every shipped strategy.</summary>
    public static IReadOnlyList<StrategyDescriptor> All { get; } =
    [
        new StrategyDescriptor(
            SmaCrossStrategy.CatalogName,
            "Long-only crossover of a fast and a slow simple moving average of the close, compared exactly.",
            [
                new StrategyParameter("fast", "bars in the fast average", 10, 1, 9_999),
                new StrategyParameter("slow", "bars in the slow average (more than fast)", 30, 2, 10_000),
                new StrategyParameter("qty", "shares to hold when long", 100, 1, 1_000_000_000),
            ],
            (values, symbols) => new SmaCrossStrategy((int)values["fast"], (int)values["slow"], values["qty"], symbols)),
        new StrategyDescriptor(
            BreakoutStrategy.CatalogName,
            "Long-only channel breakout: enter above the highest high of 'entry' bars, exit below the lowest low of 'exit' bars.",
            [
                new StrategyParameter("entry", "bars whose highest high a close must exceed to enter", 20, 1, 10_000),
                new StrategyParameter("exit", "bars whose lowest low a close must fall below to exit", 10, 1, 10_000),
                new StrategyParameter("qty", "shares to hold when long", 100, 1, 1_000_000_000),
            ],
            (values, symbols) => new BreakoutStrategy((int)values["entry"], (int)values["exit"], values["qty"], symbols)),
    ];

    /// <summary>The valid strategy names, comma-separated, for error messages and help.</summary>
    public static string Names => string.Join(", ", All.Select(d => d.Name));

    /// <summary>Finds a strategy by name.</summary>
    /// <exception cref="ArgumentException">No such strategy; the message names the valid ones.</exception>
    public static StrategyDescriptor Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"Unknown strategy '{name}'. Valid strategies: {Names}.", nameof(name));

    /// <summary>Resolves <paramref name="given"/> against the strategy's parameters: defaults fill the rest.</summary>
    /// <exception cref="ArgumentException">An unknown parameter, a value that is not a whole number, or out of range.</exception>
    public static IReadOnlyDictionary<string, long> ResolveParameters(StrategyDescriptor descriptor, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(given);
        foreach (string key in given.Keys)
        {
            if (!descriptor.Parameters.Any(p => p.Name == key))
            {
                throw new ArgumentException(
                    $"Unknown parameter '{key}' for strategy '{descriptor.Name}'. Valid parameters: {string.Join(", ", descriptor.Parameters.Select(p => p.Name))}.",
                    nameof(given));
            }
        }

        var resolved = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (StrategyParameter parameter in descriptor.Parameters)
        {
            long value = parameter.DefaultValue;
            if (given.TryGetValue(parameter.Name, out string? text)
                && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' of '{descriptor.Name}' must be a whole number; got '{text}'.", nameof(given));
            }

            if (value < parameter.Minimum || value > parameter.Maximum)
            {
                throw new ArgumentException(
                    $"Parameter '{parameter.Name}' of '{descriptor.Name}' must be between {parameter.Minimum} and {parameter.Maximum}; got {value}.",
                    nameof(given));
            }

            resolved[parameter.Name] = value;
        }

        return resolved;
    }

    /// <summary>Builds the named strategy with <paramref name="given"/> parameters (defaults for the rest).</summary>
    /// <exception cref="ArgumentException">Unknown strategy or parameter, or a bad value; the message says which.</exception>
    public static IStrategy Create(string name, IReadOnlyDictionary<string, string> given, int symbolCapacity = 1024)
    {
        StrategyDescriptor descriptor = Find(name);
        IReadOnlyDictionary<string, long> values = ResolveParameters(descriptor, given);
        try
        {
            return descriptor.Create(values, symbolCapacity);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new ArgumentException($"Strategy '{name}' refused its parameters: {exception.Message}", nameof(given), exception);
        }
    }
}
