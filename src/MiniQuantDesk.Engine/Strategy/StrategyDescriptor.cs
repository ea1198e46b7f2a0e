namespace MiniQuantDesk.Engine.Strategy;

/// <summary>A strategy the catalogue can build: its name, what it does, its parameters and how to build it.</summary>
/// <param name="Name">The catalogue name.</param>
/// <param name="Description">One line on what it does.</param>
/// <param name="Parameters">Its parameters, every one with a default.</param>
/// <param name="Create">Builds it from resolved parameter values and a symbol capacity.</param>
public sealed record StrategyDescriptor(
    string Name,
    string Description,
    IReadOnlyList<StrategyParameter> Parameters,
    Func<IReadOnlyDictionary<string, long>, int, IStrategy> Create);
