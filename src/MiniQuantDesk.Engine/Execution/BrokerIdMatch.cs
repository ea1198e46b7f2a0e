namespace MiniQuantDesk.Engine.Execution;

/// <summary>How an event's broker order id relates to the broker order map, worked out by the OMS before the
/// state machine decides whether the event may bring that id.</summary>
internal enum BrokerIdMatch : byte
{
    /// <summary>The event names no broker id.</summary>
    NotGiven = 0,

    /// <summary>The id is already mapped to this event's order.</summary>
    MappedHere = 1,

    /// <summary>The id is mapped to no order yet.</summary>
    New = 2,
}
