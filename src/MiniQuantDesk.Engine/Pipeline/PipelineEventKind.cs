namespace MiniQuantDesk.Engine.Pipeline;

/// <summary>What a ring slot carries.</summary>
public enum PipelineEventKind : byte
{
    /// <summary>Not set: refused as malformed.</summary>
    None = 0,

    /// <summary>A market data bar (<see cref="PipelineEvent.Bar"/>).</summary>
    Bar = 1,

    /// <summary>A timer tick: checks feeds for staleness at the event time.</summary>
    Timer = 2,

    /// <summary>A broker message about an order (<see cref="PipelineEvent.Broker"/>).</summary>
    Broker = 3,

    /// <summary>An operator command (<see cref="PipelineEvent.Control"/>).</summary>
    Control = 4,

    /// <summary>A split or dividend of one symbol (<see cref="PipelineEvent.CorporateAction"/>).</summary>
    CorporateAction = 5,
}
