namespace MiniQuantDesk.Brokers.Paper;

/// <summary>Where a paper order stands (<c>paper_broker.orders.state</c>).</summary>
public enum PaperOrderState
{
    /// <summary>Accepted and resting: a limit the last price has not crossed yet.</summary>
    Open,

    /// <summary>Filled in full.</summary>
    Filled,

    /// <summary>Refused at submit (no price known); it has no broker order id.</summary>
    Rejected,

    /// <summary>Canceled while open.</summary>
    Canceled,
}
