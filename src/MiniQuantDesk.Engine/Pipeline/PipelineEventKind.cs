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

    /// <summary>An order an earlier run created, put back at start (<see cref="PipelineEvent.Restore"/>); never
    /// sent.</summary>
    RestoreOrder = 6,

    /// <summary>A cancel or replace an earlier run sent, put back at start (<see cref="PipelineEvent.RestoreRequest"/>);
    /// never sent again.</summary>
    RestoreRequest = 7,

    /// <summary>A broker message an earlier run journaled, replayed at start (<see cref="PipelineEvent.Broker"/>):
    /// applied like a live one, but not journaled again and not judged by risk as a new equity move.</summary>
    RestoreBroker = 8,

    /// <summary>The risk state an earlier run's journal kept, put back at start after the other restore events
    /// (<see cref="PipelineEvent.RestoredRisk"/>); one with no equity means the journal kept none.</summary>
    RestoreRisk = 9,
}
