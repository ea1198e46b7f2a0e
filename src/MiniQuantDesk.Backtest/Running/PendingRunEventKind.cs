namespace MiniQuantDesk.Backtest.Running;

/// <summary>What a <see cref="PendingRunEvent"/> refers to.</summary>
internal enum PendingRunEventKind : byte
{
    /// <summary>A venue report, by its index in the run's reports.</summary>
    VenueReport = 1,

    /// <summary>A gateway decision, by its index in the decision collector.</summary>
    Decision = 2,

    /// <summary>A rare event (a stop, a halt) that carries its own formatter.</summary>
    Other = 3,
}
