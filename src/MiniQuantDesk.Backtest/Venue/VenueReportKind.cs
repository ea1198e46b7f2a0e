namespace MiniQuantDesk.Backtest.Venue;

/// <summary>What a <see cref="VenueReport"/> tells.</summary>
public enum VenueReportKind : byte
{
    /// <summary>Not set: never queued.</summary>
    None = 0,

    /// <summary>The order was accepted and is working; it now has a broker order id.</summary>
    Ack = 1,

    /// <summary>The order was refused; <see cref="VenueReport.Reason"/> says why.</summary>
    Reject = 2,

    /// <summary>Shares traded: a whole or partial fill.</summary>
    Fill = 3,

    /// <summary>The order was canceled: on request, or because another order of its OCO group filled.</summary>
    CancelAck = 4,

    /// <summary>A cancel request was refused; the order, if any, is unchanged.</summary>
    CancelReject = 5,

    /// <summary>The order's quantity or limit was replaced.</summary>
    Replaced = 6,

    /// <summary>A replace request was refused; the order, if any, is unchanged.</summary>
    ReplaceReject = 7,

    /// <summary>A day order's session ended (or the data did) with shares still unfilled.</summary>
    Expired = 8,
}
