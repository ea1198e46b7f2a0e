namespace MiniQuantDesk.Backtest.Venue;

/// <summary>When a market order decided on a bar's close is filled.</summary>
public enum FillTiming : byte
{
    /// <summary>At the open of the next bar of its symbol (the default: the decision could not have traded at the
    /// close it was computed from).</summary>
    NextBarOpen = 0,

    /// <summary>At the close of the bar it was decided on, i.e. the last bar the venue saw for that symbol, at
    /// <see cref="SimulatedVenue.Submit"/> time. An explicit opt-in: it assumes the order reached the closing print.</summary>
    SameBarClose = 1,
}
