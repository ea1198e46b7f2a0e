namespace MiniQuantDesk.Ring.Tests.Properties;

/// <summary>The shapes of handler graphs the properties run.</summary>
public enum Topology
{
    /// <summary>h1 → h2 → … → hn: each handler follows the one before.</summary>
    Chain,

    /// <summary>h1, h2, … hn all follow the producers directly, in parallel.</summary>
    Parallel,

    /// <summary>A and B in parallel, then C after both.</summary>
    Diamond,
}
